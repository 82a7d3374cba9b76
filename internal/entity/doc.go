// Package entity finds the people, organisations and places a news
// article mentions and resolves every mention it can to one of them: names
// ("Vladimir Putin", "Putin"), titles and roles ("the president", "the
// mayor of Kyiv"), pronouns ("he", "they", "it" as a speaker) and
// descriptions ("a spokeswoman", "officials"). It fills doc.Document's
// Mentions and Entities, gives each named entity a key that is stable
// across articles ("person/vladimir-putin", see Key), and tells the
// attribution stage which entity a statement's source refers to
// (SpeakerOf).
//
// Resolve works in passes over a segmented, tagged document:
//
//   - names: a greedy averaged-perceptron BIO tagger (PER, ORG, LOC,
//     MISC), trained on the CoreNLP labels of the PolNeAR training split
//     with lexicon features (model/ner.vblm, `verbatim train ner`); names
//     found once are found everywhere, title-case headlines only keep
//     names the body confirms, and lexicon places fill the gaps;
//   - titles and descriptions from the roles lexicon: before a name
//     ("Russian leader Vladimir Putin"), in apposition ("the mayor of Kyiv,
//     Vitali Klitschko"), or alone ("the president", "a spokesman for the
//     ministry", "officials");
//   - names clustered into entities: full names, surnames, first names,
//     transliteration variants; people sharing a surname kept apart by
//     first names, suffixes and honorifics;
//   - in text order, titles resolved to the person whose titles match
//     best (a bare "the president" to the one the text titles without
//     qualification), descriptions to earlier ones of the same kind, and
//     pronouns by rules for the clear cases (a speaker going on, "X said
//     he") and otherwise by a ranker trained on GAP (model/pronoun.vblm,
//     `verbatim train pronoun`): a regularised log-linear model over each
//     candidate's features, most of them read from a shallow clause
//     chunker (clause.go: the clause each mention is in, its subject, how
//     the pronoun's clause relates to the candidate's), with gender and
//     number from the text and the names, never from what a role
//     suggests.
//
// Where the text does not let a careful reader decide (two candidates
// score alike, a title nobody in the article holds), a mention stays
// unresolved (Entity -1), or SpeakerOf reports a low confidence.
package entity
