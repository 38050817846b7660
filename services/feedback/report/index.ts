export type { EntryFeedback, FeedbackReport, Suggestion, UnansweredGroup } from './feedbackReport.js';
export { buildReport, type ReportOptions } from './buildReport.js';
export { groupQuestions, type AskedQuestion, type GroupingOptions, type QuestionGroup } from './groupQuestions.js';
export { formatReport, suggestionText, REPORT_FORMATS, type ReportFormat, type ReportLabels } from './formatReport.js';
export { parseSince } from './parseSince.js';
