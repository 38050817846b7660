import type { Lang } from '../schema.js';

const words = (list: string): ReadonlySet<string> => new Set(list.split(/\s+/).filter(Boolean));

/**
 * Words that carry no topic (folded: no accents). Matching ignores them. Kept short on
 * purpose: question words (why, when, quand…), negations (not, pas, sans…) and quantities
 * (more, plus…) tell intents apart, and IDF already discounts common words.
 */
export const MATCH_STOPWORDS: Record<Lang, ReadonlySet<string>> = {
  fr: words(`a au aux avec ce ces cet cette c ca d de des du elle en est et etre il ils j je l la le les leur lui
    m ma me mes moi mon nos notre nous on ont par qu que qui s sa se ses son sur t ta te tes toi ton tu un une vos
    votre vous y suis sont ai as avez avons peut peux pouvez puis dois doit devez quel quelle quels quelles
    est-ce ceci cela ici tres bien aussi alors donc car comme chez vers svp stp sil plait
    dire`),
  en: words(`a am an and are as at be been being but by can could did do does doing for from had has have having he her
    him his i if in into is it its me my of on or our ours she so than that the their them then there these they this
    those to was we were which whom will with would you your yours im ive please could tell know
    like just let lets us`),
};

/**
 * Function words typical of one language and rare in the other: the strongest clue for
 * language detection, also in short messages written without accents.
 */
export const LANGUAGE_CLUES: Record<Lang, ReadonlySet<string>> = {
  fr: words(`le la les un une des du de au aux et est sont je j tu il elle nous vous ils mon ma mes ton ta tes son sa
    ses notre nos votre vos leur leurs ce cet cette ces qui que quoi quel quelle quels quelles comment pourquoi quand
    combien ou avec pour dans sur sans pas ne plus tres aussi mais donc car si oui non merci bonjour bonsoir salut
    svp stp est-ce qu c ca peut peux puis dois doit faut avoir etre suis ai avez avons fait faire veux voudrais
    aimerais encore deja apres avant depuis pendant chez entre vers tout tous toute toutes rien jamais toujours
    parler anglais francais contrat renouveler renouvellement revendeur mise jour fin debut aide
    bcp dsl slt pk pq mrc jsp tkt cdlt`),
  en: words(`the and is are was were be been i you he she we they it my your our their this that these those what
    which who how why when where can could should would will do does did not no yes with for from into about of to
    in at by please thanks thank hello hi hey bye goodbye us them any some there here have has had get got
    need want just still also than then if or but only much many more speak english french renew renewal contract
    reseller license update end start help agent
    thx tks ty pls plz tmrw btw asap cya`),
};
