import { loadKnowledgeBase } from '../../knowledge/knowledgeBase.js';
import { ensureModelFile } from '../../knowledge/model/modelFile.js';
import { trainingExamples } from '../../knowledge/model/trainingData.js';
import { fromRoot, INTENT_MODEL_FILE } from '../../bot/paths.js';

/** Trains the intent model once before the suite (as `npm run build` does), so test files load it instead of each training it. */
export default function setup(): void {
  ensureModelFile(trainingExamples(loadKnowledgeBase(fromRoot('knowledge')).recognizerExamples()), INTENT_MODEL_FILE);
}
