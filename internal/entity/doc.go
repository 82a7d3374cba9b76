// Package entity finds the people, organisations and places a news
// article mentions and resolves every mention it can to one of them: names
// ("Vladimir Putin", "Putin"), titles and roles ("the president", "the
// mayor of Kyiv"), pronouns ("he", "they") and descriptions ("a
// spokeswoman", "officials"). It fills doc.Document's Mentions and
// Entities, gives each entity a key that is stable across articles
// ("person/vladimir-putin"), and tells the attribution stage which entity
// a statement's source refers to (SpeakerOf).
//
// Names come from a greedy averaged-perceptron BIO tagger trained on the
// CoreNLP NER labels of the PolNeAR training split (silver data), with
// lexicon features; everything else is rules and a trained pronoun
// ranker. Where the text does not let a careful reader decide, a mention
// stays unresolved (Entity -1) rather than guessed.
package entity
