package eval

import (
	"context"
	"encoding/json"
	"os"
	"testing"

	"github.com/verbatim-news/verbatim/internal/pipeline"
	"github.com/verbatim-news/verbatim/internal/shareddata"
)

// floors reads the accuracy floors the tests hold. They only go up: raise
// them when the figures improve.
//
// One exception, on the record: the PolNeAR content, attribution and
// direct floors went down by 0.1 (61.8, 70.0, 88.5 to 61.7, 69.9, 88.4)
// when entity fixes for speakers (names split at "di" and "bin", names the
// tagger missed before a verb, a country's name that is a person's
// surname) changed the mentions attribution trains on. Models drawn with
// different seeds differ by about 0.3 F1 on dev; over eight seeds the
// changed code averages source 74.09, cue 72.18, content 61.57 against
// 74.05, 72.22, 61.72 before, and the committed draw, the best of four by
// the sum of the exact F1s (internal/train), came out 0.05 to 0.08 under
// the old floors, which the best of four before had set.
//
// A second, in the stop after: the source floor went down by 0.02 to 73.9
// (the committed draw scores 73.98) when names the tagger cut or missed
// (a person's name run into a party's, "Ohio Republican Jessica Harlan";
// surnames after the Arabic article; organisations' names over "of the")
// changed the mentions attribution trains on again. Over seeds 7-14 the
// changed code averages source 73.96, cue 71.98, content 61.50 (spread
// 73.54-74.38, 71.70-72.38, 61.01-62.21); the committed draw, seed 7 as
// the best of four, raised the content, attribution and direct floors to
// 62.2, 70.2 and 88.6. More entity fixes the same stop (descriptions that
// take in "close to the club", an acronym in parentheses, "Const.", names
// written as companies write theirs) changed those mentions again. Over
// seeds 7-10 the three versions of the code average source 73.94, 73.86,
// 73.91, cue 72.07, 71.77, 71.81 and content 61.65, 61.38, 61.53 (over
// seeds 7-14 the first two: 73.96/71.98/61.50 and 73.97/71.96/61.49): the
// same within the seeds' spread of about 0.3. The last committed draw
// (seed 7, 73.89/72.03/61.96) set the source and cue floors to 73.8 and
// 72.0 and left content at 61.7, where it stood when the stop began: the
// 62.2 had come from one draw 0.7 above the mean. On a trainer this
// chaotic a floor set by one lucky draw is broken by the next neutral
// retrain; the means over seeds are the figures to compare.
//
// So, from stop 17, a change that alters what attribution trains on (the
// mentions, the tags) is judged by a rule fixed in advance: draw seeds
// 7-10 (`verbatim train attrib --seeds 7,8,9,10`, which logs each draw's
// figures) on the code before and after it; the change stays when the
// mean of the sum of the three exact F1s over the four draws does not
// fall; the draw `verbatim train` keeps is the best of the four by that
// sum, and the floors are set to its figures, to the tenth below. The
// first change so judged, corrections of the NER tagger's types (a
// speaking first name and surname typed an organisation; a title and
// names after a nationality; "the town of Kestrel"; "Mr Hall"; a company's
// first word alone): before, means source 73.91, cue 71.81, content 61.53
// (sum 207.25), attributions 69.98, direct 88.56; after, 73.89, 71.94,
// 61.63 (sum 207.46), 70.03, 88.68. Kept: seed 7, 74.16/72.26/62.27,
// attributions 70.34, direct 88.94. The second, the same stop: names the
// tagger typed people that end in an organisation's noun or a company's
// suffix ("Urban League", "Marlow Industries Ltd.") as organisations.
// After it the means were source 73.79, cue 72.05, content 61.58 (sum
// 207.42, down 0.04; the draws before it, rerun, were the same four), so
// it was taken out again, though it put right the types of seventeen
// organisations over the L3S articles. The third, stop 18: titles that
// keep a name after "to" ("adviser to Mr. Cruz"), countries split from a
// name run into them, names opening a sentence before an apposition and a
// verb of saying, and organisations described by their country ("the
// United States government"), with rules of assembly that do not retrain
// (the apposition after a quotation, a colon in a rule's cue). After it
// the means were source 74.41, cue 72.29, content 61.81 (sum 208.51, up
// 1.05), attributions 70.47, direct 88.57. Kept: seed 7,
// 74.59/72.54/61.98, attributions 70.50, direct 88.87; the content and
// direct floors went to 61.9 and 88.8 with it, by the rule (attributions
// 70.497, floor 70.4). The fourth, the same stop, was taken out: names
// of organisations over a plural possessive ("Students’ Association"),
// "des" as a surname particle, three-word names with a first name typed
// organisations, a capitalised title word after a full name with that
// surname ("said King"), "supervisor" as a role, and pronouns' forms in
// capitals read as acronyms ("the HE sector"). After them the means were
// source 74.19, cue 72.26, content 61.83 (sum 208.28, down 0.23), so
// they went, though they righted eight speakers of the trafilatura pages
// they were made on (the rest of that commit, which leaves the mentions
// as they were, stayed). The fifth, a change to the cue tagger's
// features: it reads the lexicon classes of the word before, the word
// after and the one after that with the token's own tag, and the
// previous label with the tags of both tokens, so that a cue word it
// rarely saw as one is told by its class and what stands around it.
// After it the means were source 74.25, cue 72.60, content 61.76 (sum
// 208.61, up 0.10), attributions 70.21, direct 88.75. Kept: seed 7,
// 74.38/72.93/61.88, attributions 70.52, direct 89.16; by the rule the
// source and content floors went down to 74.3 and 61.8, the others up.
// Tried before it and dropped: hiding a token's own word and lemma (and
// their pairs) from the tagger on a fifth of its training visits, word
// dropout, gave means 74.05/71.95/61.33 (sum 207.33); the tagger alone,
// trained with dropout of 0.05 to 0.3, found no more of dev's cues,
// whether seen as cues in train or not.
//
// From stop 19 the rule draws eight seeds, 7-14 (`verbatim train attrib
// --seeds 7,8,9,10,11,12,13,14`), on the code before and after a change,
// fixed before anything was judged by it: with four, a change that does
// nothing stayed or went about as a coin falls, the seeds' sums
// differing by up to 1.8. The draw `verbatim train` keeps is still the
// best of seeds 7-10, so that it stays a fixed point. The code at the
// start of stop 19 averages source 74.32, cue 72.56, content 61.84 (sum
// 208.72; seeds 11-14 alone 208.82). Two versions of one batch of entity
// repairs for speakers were so judged and taken out. First, a name the
// tagger typed an organisation that ends in a title, a common first name
// and a surname split into the organisation and the person ("NASA
// Administrator Jim Bridenstine"): sum 208.03, down 0.69 (lower on six
// seeds of eight). Second, the same split with no mention of the
// organisation left inside the person's title, with capitalised proper
// nouns joined by "of" around an organisation's noun made one
// organisation ("4th District Court of Appeal") and names typed places
// that no lexicon knows, right before a verb of saying, made
// organisations ("Amazon argued"): sum 208.39, down 0.33 (lower on four
// seeds of eight; source 74.23, cue 72.53, content 61.63). They had
// righted two speakers of the AEB pages (263 to 265 of 306) and raised
// GUM's named-mention F1 from 65.8 to 66.0 and person MUC from 63.4 to
// 63.6. A third change, the same stop, was taken out by a hair: two
// closing single marks read as one closing double mark (“…,’’ she said),
// in the tokens, the quotations and the models' word forms; one train
// article has the pair. Sum 208.70, down 0.02 (the seeds' sums moved by
// -0.74 to +0.74; seed 8 not at all). It had ended a quotation that
// before ran on over its attribution to the paragraph's end.
//
// Stop 20 raised the source, content and attribution floors to 74.4,
// 62.5 and 70.7 with repairs to decoding that leave the models and what
// they learn from as they were (so no draws were needed): an inverted
// attribution read as the reader reads it ("…, argues John Smith"), a
// sentence that opens "According to SOURCE,", and the opening words of a
// sentence that an attribution set off by commas interrupts ("Prices,
// John Smith said, will rise") made the first part of the content; and
// a content ended where a verb of saying coordinated with its cue begins
// ("said … but added …"), which raised the attribution and direct floors
// to 70.8 and 89.4. Over seeds 7-14 the code with these repairs averages
// source 74.49, cue 72.67, content 62.53 (sum 209.69, spread
// 208.98-210.37). Two changes to training were judged against that and
// dropped: ten perceptrons to a model's mean instead of five (sum 208.74
// against 208.72 before the repairs; the seeds spread as widely), and cue
// proposals for the later stages from taggers that are the mean of five
// (209.23 against 209.69). The best of seeds 7-10 was now seed 9, not the
// committed seed 7; but the speakers of real articles put right were
// 1,711 of 1,904 with it against 1,714, so from this stop `verbatim
// train` keeps one fixed draw, seed 7, and the floors are that draw's.
// Then a relative pronoun before the subject of a verb of saying was made
// the first part of a clause content ("which Mr. Clarke says he is
// keeping open"), which raised the content floor to 62.6 (over seeds 7-14
// that code averages source 74.49, cue 72.67, content 62.62, sum 209.78,
// spread 209.05-210.46); and the complement after a cue like "is
// expected" whose content is the subject before it was made the second
// part of that content ("the veto is expected to come Friday"), which
// raised the content and attribution floors to 62.7 and 71.1. Over seeds
// 7-14 that code averages source 74.49, cue 72.67, content 62.72 (sum
// 209.89, spread 209.14-210.55).
// Two repairs after the draws righted, in the committed draw, one source
// and one content (a name between a comma and the verb, of which the
// decoder took part for the content: "…, the Tax Justice Forum said")
// and two sources and one content (a cue ending in a colon that ends its
// paragraph, "The governor added:", given the next paragraph for
// content). The floors went to that draw's figures, to the tenth below:
// source 74.6, cue 73.0, content 62.8, attributions 71.3, direct 89.4.
// Over seeds 7-14 the code with them averages source 74.63, cue 72.69,
// content 62.83 (sum 210.15, spread 209.40-210.82): the baseline for the
// rule from here. One change to the mentions was judged against it and
// taken out: a bare role that a preposition governs not read as the
// title of the name after its comma ("the candidates for mayor of
// Westport, Ruth Adeyemi and …", where she was given "mayor of
// Westport"), which removed eleven title mentions of PolNeAR train: sum
// 209.90, down 0.25 (lower on five seeds of eight).
// Stop 21 judged a change to the tokens against it and took it out: an
// acronym joined by a hyphen to the word after it kept as one token, as
// CoreNLP keeps it ("U.S.-Mexico", "D.C.-based"; 46 of the 1,266 train
// tokens that were not CoreNLP's became its), which had split a content
// at the hyphen: means source 74.63, cue 72.60, content 62.67, sum
// 209.90, down 0.25 (spread 209.49-210.84). A repair to decoding the
// same stop, a reporting attribution kept over the quotation and
// attribution it holds ("“…,” Ms. Delgado told the committee, according
// to a recording"), changes nothing the models learn from and left the
// committed draw's dev figures as they were.
// Stop 22 judged two changes against the 210.15 baseline. First, more
// verbs of saying for the entity stage's rules ("they stated") with the
// pronoun model retrained on them, which, unseen at first, resolved five
// more "it"s of PolNeAR train (a resolved "it" is a mention the models
// read): means source 74.60, cue 72.61, content 62.84, sum 210.05 (spread
// 209.29-210.70), so it was taken out (its "they" repair moved to the
// speakers stage). Second, on the code without it, an article's dateline
// read as a place ("DES MOINES, Iowa —", which the tagger had made an
// organisation "DES" or run into the name after the dash), a
// transcript's speaker labels read as people's names ("KATE BOULDUAN:"),
// and a short capitalised paragraph ending in a colon no headline: means
// source 74.64, cue 72.77, content 62.78, sum 210.19 (spread
// 209.18-211.10), so it stayed. Kept: seed 7, 74.93/72.93/63.24,
// attributions 71.38, direct 89.43; by the rule the source and content
// floors went up to 74.9 and 63.2 and the cue floor down to 72.9. The
// baseline for the rule from here is 210.19. A third change was judged
// against it and taken out: a name the tagger took for a person's that
// ends in an acronym made an organisation's ("Gold Standard BRT", "Ted
// Cruz Super PAC", "SVP"; not a regnal number, initials, a transcript's
// label, a line in capitals or a word also written in lower case), which
// retyped 44 mentions of PolNeAR train and righted one trafilatura
// speaker: means source 74.61, cue 72.66, content 62.74, sum 210.01
// (spread 209.41-210.91).
// Stop 23 first repaired decoding, which changes nothing the models
// learn from: relative clauses about a quotation, a participle of saying
// after a comma, a subordinate clause's content ended where the main
// clause's attribution begins, a quotation opening with a capital after
// an attribution that interrupts its sentence. On the committed draw they
// raised source to 74.95, cue to 73.00, content to 63.49, attributions to
// 71.50 and direct to 90.1. Then it judged a change to the paragraphs
// against 210.19: lines one quotation runs over, with no mark reopening
// it, are one paragraph (a text that breaks its lines inside
// paragraphs; one train article has such a line). Means source 74.66,
// cue 72.81, content 62.95, sum 210.42 (spread 209.52-210.89), so it
// stayed, and 210.42 is the baseline from here. Seed 7 redrawn on it
// gives 74.68/72.70/63.19, attributions 71.18, direct 89.09 (with the
// repairs above), and by the rule the floors went to that draw's
// figures, to the tenth below: 74.6, 72.7, 63.1, 71.1, 89.0. A second
// change judged with it, a title after a dateline's dash made to begin
// after the dash in the mention spans too ("Kurdistan Region of Iraq -
// US President Donald Trump"), moved 40 mention starts of PolNeAR train:
// sum 209.63 (spread 208.40-210.24), so only the title's words begin
// after the dash now, and the spans stay as they were. A third, the role
// "administrator" added to the roles lexicon ("NASA Administrator Jim
// Bridenstine", typed an organisation without it), added six title
// mentions to PolNeAR train: means source 74.48, cue 72.57, content
// 62.72, sum 209.77 (spread 208.60-210.68), so it was taken out. A
// fourth, a name of two words or more ending in a newspaper's word
// ("Kyiv Independent", "Washington Post") typed an organisation where the
// tagger made it a place or a person, retyped six mentions of PolNeAR
// train: means source 74.58, cue 72.68, content 62.73, sum 209.98
// (spread 209.16-211.00), so it was taken out too.
// Stop 24 judged one change against 210.42: a one-word person's name
// that is an abstract noun in -tion, -sion or -ism ("Exhaustion ruined
// his season") is no mention, which took one mention ("Trumpism") out of
// PolNeAR train. Means source 74.66, cue 72.81, content 62.95, sum
// 210.42 (210.416; spread 209.52-210.89), the baseline's to the
// hundredth, so it stayed; seed 7 redrawn on it gives the committed
// models byte for byte. That change, with a name opening a headline and
// a full name in apposition to a noun a first name possesses, also
// redrew the pronoun model (they change the GAP texts it learns from),
// which types eight pronoun mentions of PolNeAR train otherwise; judged
// with all of them and that model, the means were the same to the last
// digit (sum 210.416). A repair to decoding then (a content that holds
// a quotation's opening mark runs on to its closing mark, or to the end
// of a paragraph the quotation runs on from) raised content to 63.24,
// attributions to 71.23 and direct to 89.25, and the floors with them:
// 63.2, 71.2, 89.2. Two readings of two closing single marks as one
// closing double mark ("“…,’’ Will Moy … told the BBC", which left the
// quotation open over its attribution) were judged against 210.42 and
// taken out: as one token in the tokenizer (which joined two tokens of
// one train article), means 74.55/72.69/62.76, sum 210.00 (spread
// 209.28-211.41); as one mark in the quotation scanner only (which
// closed that article's quotation there), means 74.63/72.74/62.92, sum
// 210.28 (spread 209.52-210.89). Stop 25, decoding only: a verb joined
// by "and" to a reported clause, in that clause's tense and not the
// cue's, with no clause of its own, continues the content
// (coordinatedClauses): content 63.35, attributions 71.32, floors 63.3
// and 71.3. With that decoding (and textbookCue, which moves no dev
// figure), the code of c8f7d08 averages source 74.74, cue 72.92,
// content 63.37 (sum 211.02, spread 210.07-211.49): the baseline from
// then on. Two entity changes were judged against it and taken out as
// they were. A title ending a fronted clause made no apposition to the
// subject after its comma ("Asked if Okafor remains his first choice,
// Brekke would say"), which took six bare titles ("becoming president,
// Ramos said") out of the mentions of PolNeAR train: sum 210.82 (spread
// 209.77-211.58). Names ending in a kind of land or water ("Crimean
// Peninsula", "Lake Erie") typed places, with "Gulf of Aden" made one
// name, retyped ten mentions of PolNeAR train: sum 210.88 (spread
// 210.51-211.37; seeds 7 and 11 unchanged). Both went in in forms that
// leave every mention the attribution models see as it was (the same
// dump of train, pronoun types aside, which the models do not read): the
// apposition rule for titles with a determiner only, the place type on
// the entity, not on its mentions. The acceptance bias (AcceptBias, 30)
// swept on the committed models peaked at 40 (dev sum 211.67 against
// 210.81); redrawn over seeds 7-14 with 40 the means were source 74.81,
// cue 72.76, content 63.20, sum 210.76 (spread 209.78-211.78), lower
// than at 30 on five seeds of eight: the peak was seed 7's calibration,
// so the bias stayed 30. Stop 26: two closing single marks as one
// closing double mark in the tokenizer and the quotation scanner again,
// with a known first name before a named person's surname typed a person
// on its mentions (twelve mentions of train): sum 210.85 (spread
// 210.45-211.67); the mark alone: sum 210.63 (spread 209.87-212.09).
// Both went in in forms the models never see: the mark only after a
// punctuation mark (the train article has it after a letter), the type
// on the entity. Decoding then (a past form with "by" after its noun
// makes no statement, reducedRelative; a noun phrase content ends before
// a phrase of manner, trailingManner) moved source to 74.74 and content
// to 63.48, and the floors to 74.7 and 63.4. Stop 27, decoding only
// (sources end before a phrase of the verb, sourceAdjuncts; take the
// apposition before their cue, sourceApposition; a content that only
// says when becomes the fronted clause, timePhrase; "say" asking the
// reader to suppose is no statement, supposeSay): source 75.56, cue
// 72.86, content 63.79, attributions 71.57, direct 89.41, the floors
// 75.5, 72.8, 63.7, 71.5 and 89.4. The baseline redrawn with that
// decoding at 3216d17: source 75.59, cue 73.02, content 63.74, sum
// 212.35 (spread 211.32-212.86). Judged against it and taken out: a
// known first name the tagger read as a modal opening a person's name
// where a quotation's speaker is named ("…,’’ Will Moy, chief executive
// of …", firstNameVerbs), which made one mention of train ("[Will
// Fitzgibbon,"): sum 212.08 (spread 210.88-212.67). Stop 28: the
// boundary model reading the word pairs a token makes with the words
// before and after it (two hashed templates): source 75.55, cue 72.80,
// content 63.58, sum 211.93 (spread 210.59-212.54); out. Each model the
// mean of ten perceptrons instead of five (TrainOptions.Runs): source
// 75.72, cue 73.01, content 63.59, sum 212.32 (spread 211.65-212.73),
// a narrower spread but no higher mean; out. Twelve epochs for the span
// rankers instead of eight (with pairApart's decoding, worth about 0.15
// of the sum): source 75.56, cue 72.90, content 63.45, sum 211.91
// (spread 210.65-213.34); out. Stop 29: decoding first (a phrase of
// discourse between a source and its cue, "in particular", is none of
// the source; a possessor that is a source keeps its possessive mark),
// then the baseline redrawn at 70b3e9c: source 75.91, cue 73.04,
// content 63.75, sum 212.70 (spread 211.67-213.17), the baseline from
// here; seed 7 gives the committed models. Judged against it: the cue
// tagger reading the lemma with what follows within six tokens (a
// that-clause, a colon, a quotation, "to"; cLemmaComp): source 75.75,
// cue 72.81, content 63.47, sum 212.02 (spread 211.35-212.54), drawn
// before two decoding repairs that move no dev figure; out. A name
// ending before a quotation mark the tagger ran into it, which took one
// mention (a lone quotation mark typed a place) out of PolNeAR train:
// every seed's figures the same to the last digit, and seed 7 the same
// models byte for byte; in. Twelve epochs for the cue tagger instead of
// eight: source 75.81, cue 73.03, content 63.75, sum 212.59 (spread
// 211.75-213.67); out. Stop 30, against the same baseline: the
// acceptance classifier reading whether the source is a mention and of
// what kind (sourceMention): source 75.88, cue 73.03, content 63.71, sum
// 212.63 (spread 211.37-213.83); out. The cue tagger trained without a
// token's own word and lemma features on one token in ten, so that it
// learns cues of unseen words from their classes and neighbours: source
// 75.75, cue 72.73, content 63.63, sum 212.11 (spread 211.44-212.57);
// out. The cue tagger trained on its own previous label rather than the
// gold one: source 74.41, cue 68.74, content 61.60, sum 204.75 (spread
// 204.14-205.54); out. The baseline redrawn with this stop's decoding
// at 723aa83: source 75.97, cue 73.03, content 63.74, sum 212.74 (spread
// 211.77-213.19). An organisation's name going on over "on" or "for"
// after its organisation's noun ("Council on Bioethics", orgComplement),
// which changed 41 mention lines of train ("House Select Committee on
// Benghazi" one name): source 75.73, cue 72.78, content 63.32, sum
// 211.83 (spread 210.99-212.56), lower on every seed; the pronoun model
// it retrained, alone, changes no seed's figure; out. An organisation's
// name without the "on" before a day the tagger ran into it, which gave
// one mention of train a person's type ("Trump on Wednesday" joins
// Trump): every seed's figures the same; in. Stop 31, against the same
// baseline: a plain honorific ("Ms", "Dr") the tagger left out of any
// name, or took for one alone, before a capitalised surname it left out
// is a person's name ("Ms Okwuosa"; about 65 mentions of train, "Mr.
// Trump" in the Times): source 75.67, cue 72.68, content 63.51, sum
// 211.85 (spread 210.67-212.86), lower on seven seeds; out. Roles in
// apposition with a plural noun among their modifiers ("a consumer goods
// analyst"), nineteen more role nouns ("treasurer", "lobbyist",
// "midfielder") and "that" before a plural read as a conjunction ("added
// that members"), about 230 mention lines of train: sum 211.78 (spread
// 210.33-212.99); with person names the tagger missed, a common first
// name and a capitalised surname before a comma, "of" or a verb of
// saying ("Chloe Amadi of Westerly Capital argued", three more mentions):
// 212.00 (spread 210.63-213.36); both out. Seeds 15-22, to see whether
// the baseline's draws were lucky: the code before the roles 212.47
// (spread 211.82-213.07), with them 212.27 (211.32-212.81); over sixteen
// seeds 212.61 against 212.03, so they stay out, though every one of
// these changes put right what Verbatim shows a reader. The mentions
// the models learn from and read are one layer with the entities a
// reader sees; a change to the one moves the other. Stop 32: the
// nineteen role nouns alone: source 75.92, cue 72.90, content 63.43, sum
// 212.25 (spread 211.70-213.07); out. Since then the models read
// Document.AttribMentions, the mentions as they learnt them, and a rule
// that changes the mentions readers see without them ("unlearned") keeps
// that view as it was, which the prefix dump of train checks line by line.
// Stop 35, seeds 7-10 at 23082cc: the baseline source 76.51, cue 73.17,
// content 64.25, sum 213.93 (spread 213.45-214.27). Judged against it:
// word classes (predictive exchange clustering of PolNeAR train's
// text, by the words before and by the words after, 256 classes and
// 32, of the 11,979 words seen three times or more) read by the cue
// tagger and through it the acceptance classifier, for the token with
// its tag and the previous label and for its neighbours: source 76.32,
// cue 72.89, content 63.64, sum 212.85 (spread 212.32-213.41), lower on
// every seed; with the boundary model reading them too: sum 212.75
// (spread 211.80-213.92); out. Classes drawn from the training text
// itself add little a word's own features do not already say, and a
// corpus large enough to teach more is not among the shared data.
func floors(t *testing.T) map[string]map[string]float64 {
	b, err := os.ReadFile("testdata/floors.json")
	if err != nil {
		t.Fatal(err)
	}
	var f map[string]map[string]float64
	if err := json.Unmarshal(b, &f); err != nil {
		t.Fatal(err)
	}
	return f
}

// TestPolNeAR_DevFloors runs the whole pipeline over the PolNeAR dev split
// and holds its exact-match and attribution-level F1 at their floors.
func TestPolNeAR_DevFloors(t *testing.T) {
	dir := shareddata.Dir(t, "polnear", "dev")
	p, err := pipeline.Default()
	if err != nil {
		t.Fatal(err)
	}
	r, err := PolNeAR(context.Background(), dir, p, 2, nil)
	if err != nil {
		t.Fatal(err)
	}
	s := r.Summary()
	t.Logf("PolNeAR dev: Source F1 %.2f, Cue F1 %.2f, Content F1 %.2f; attributions F1 %.2f (direct %.2f)",
		s["source_f1"], s["cue_f1"], s["content_f1"], s["attr_f1"], s["direct_f1"])
	for k, floor := range floors(t)["polnear_dev"] {
		if s[k] < floor {
			t.Errorf("%s = %.2f, below its floor %.2f", k, s[k], floor)
		}
	}
}
