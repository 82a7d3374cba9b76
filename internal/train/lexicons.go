package train

import (
	"bufio"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"

	"github.com/verbatim-news/verbatim/internal/polnear"
)

// Lexicons derives the attribution lexicons from the shared data and
// writes them into internal/lexicon/data:
//
//	lemmas.txt     word -> lemma, from CoreNLP's lemmas of polnear/train
//	cue_verbs.txt  verb lemma -> cue class, from the Gender Gap Tracker's
//	               quote verbs, Krestel et al.'s attribution verbs and
//	               VerbNet classes of communication, belief and intent
//	cue_nouns.txt  attribution nouns (Pareti 2015)
//	person_nouns.txt  nouns for a person (WordNet hyponyms of person)
func Lexicons(o Options) error {
	out := filepath.Join(o.Repo, "internal", "lexicon", "data")
	arts, err := polnear.Load(filepath.Join(o.Data, "polnear", "train"), true)
	if err != nil {
		return err
	}
	lemmas := lemmaTable(arts)
	if err := writeLines(filepath.Join(out, "lemmas.txt"), []string{
		"Word forms and their lemmas, one per line: WORD<TAB>LEMMA (lower case).",
		"Derived by `verbatim train lexicons` from the CoreNLP lemmas of the PolNeAR",
		"training split (networkdynamics/PolNeAR, CoreNLP annotations by the corpus",
		"authors): for each alphabetic word seen at least twice, its most frequent",
		"lemma, kept only where the lemma differs from the word.",
	}, lemmas); err != nil {
		return err
	}
	lemmaOf := map[string]string{}
	for _, l := range lemmas {
		w, lem, _ := strings.Cut(l, "\t")
		lemmaOf[w] = lem
	}
	lex := filepath.Join(o.Data, "lexicons")
	classes := map[string]map[string]bool{}
	add := func(lemma, class string) {
		lemma = strings.ToLower(strings.TrimSpace(lemma))
		if lemma == "" || strings.ContainsAny(lemma, " _\t") {
			return
		}
		if classes[lemma] == nil {
			classes[lemma] = map[string]bool{}
		}
		classes[lemma][class] = true
	}
	ggt, err := readList(filepath.Join(lex, "reporting-verbs-ggt", "quote_verb_list.txt"))
	if err != nil {
		return err
	}
	for _, v := range ggt {
		if l, ok := lemmaOf[v]; ok {
			v = l
		}
		add(v, "speech")
	}
	krestel, err := readList(filepath.Join(lex, "attribution-lists-qsample", "krestel_verbs.txt"))
	if err != nil {
		return err
	}
	for _, v := range krestel {
		add(v, "speech")
	}
	vn, err := readList(filepath.Join(lex, "attribution-lists-qsample", "verbnet.txt"))
	if err != nil {
		return err
	}
	vnClass := map[string]string{
		"say-37": "speech", "tell-37": "speech", "transfer_mesg-37": "speech", "manner_speaking-37": "speech",
		"complain-37": "speech", "lecture-37": "speech", "advise-37": "speech", "confess-37": "speech",
		"interrogate-37": "speech", "inquire-37": "speech", "promise-37": "speech", "talk-37": "speech",
		"declare-29": "speech", "conjecture-29": "belief", "consider-29": "belief", "characterize-29": "describe",
		"judgment-33": "judgment", "want-32": "intent", "wish-62": "intent", "urge-58": "intent", "order-60": "intent",
		"appear-48": "appear", "seem-109": "appear", "see-30": "perceive", "discover-84": "perceive",
		"learn-14": "perceive", "estimate-34": "belief", "admit-65": "speech", "allow-64": "intent",
	}
	for _, line := range vn {
		verb, class, ok := strings.Cut(line, "\t")
		if c, known := vnClass[class]; ok && known {
			add(verb, c)
		}
	}
	// Verbs the PolNeAR annotators often marked as cues are speech cues
	// whatever the lists say ("dismissed", "threatened", "vowed").
	for _, lemma := range polnearCueVerbs(arts, minCueCount, minCueShare) {
		if classes[lemma] == nil {
			add(lemma, "speech")
		}
	}
	var verbs []string
	for lemma, cs := range classes {
		var names []string
		for c := range cs {
			names = append(names, c)
		}
		sort.Strings(names)
		verbs = append(verbs, lemma+"\t"+strings.Join(names, ","))
	}
	if err := writeLines(filepath.Join(out, "cue_verbs.txt"), []string{
		"Verbs that can cue an attribution, by lemma: LEMMA<TAB>CLASS[,CLASS...].",
		"Classes: speech, belief, describe, judgment, intent, appear, perceive.",
		"Derived by `verbatim train lexicons` from: the Gender Gap Tracker quote verbs",
		"(sfu-discourse-lab/GenderGapTracker, MIT licence), the attribution verbs of",
		"Krestel et al. (2008) and VerbNet 3.0 class memberships (VerbNet licence:",
		"Copyright 2009 University of Colorado; permission to use, copy, modify and",
		"distribute is granted provided the copyright notice appears), both as",
		"collected by christianscheible/qsample; and, as speech, the verbs that are",
		"inside a gold cue of the PolNeAR training split (networkdynamics/PolNeAR)",
		"at least 5 times and in at least 20% of their occurrences there.",
	}, verbs); err != nil {
		return err
	}
	nouns, err := readList(filepath.Join(lex, "attribution-lists-qsample", "attribution_nouns.txt"))
	if err != nil {
		return err
	}
	for i, n := range nouns {
		nouns[i] = strings.ToLower(strings.TrimSpace(n))
	}
	if err := writeLines(filepath.Join(out, "cue_nouns.txt"), []string{
		"Nouns that can cue an attribution (claim, statement, warning), one per line.",
		"Source: the attribution nouns of Pareti (2015), as collected by",
		"christianscheible/qsample; written out by `verbatim train lexicons`.",
	}, nouns); err != nil {
		return err
	}
	persons, err := personNouns(filepath.Join(lex, "attribution-lists-qsample"), nouns)
	if err != nil {
		return err
	}
	return writeLines(filepath.Join(out, "person_nouns.txt"), []string{
		"Nouns for a person (quarterback, comedian, Frenchman), lower case, one per line.",
		"Derived by `verbatim train lexicons` from the WordNet 3.0 hyponyms of person as",
		"collected by christianscheible/qsample (WordNet licence: Copyright 2006 Princeton",
		"University; permission to use, copy, modify and distribute is granted provided",
		"the copyright notice appears): the one-word common nouns, and the capitalised",
		"ones ending in -man or -woman, less the hyponyms of organization and the cue nouns.",
	}, persons)
}

// personNouns returns the one-word nouns for a person in dir's
// person.hyponyms.txt, lower-cased: the common nouns and the capitalised
// nouns of nationality ending in -man or -woman ("Frenchman"), less
// those organization.hyponyms.txt or the cue nouns also hold.
func personNouns(dir string, cueNouns []string) ([]string, error) {
	persons, err := readList(filepath.Join(dir, "person.hyponyms.txt"))
	if err != nil {
		return nil, err
	}
	orgs, err := readList(filepath.Join(dir, "organization.hyponyms.txt"))
	if err != nil {
		return nil, err
	}
	skip := map[string]bool{}
	for _, w := range append(orgs, cueNouns...) {
		skip[strings.ToLower(strings.TrimSpace(w))] = true
	}
	var out []string
	for _, w := range persons {
		w = strings.TrimSpace(w)
		if w == "" || strings.ContainsAny(w, "_ \t") {
			continue
		}
		lower := strings.ToLower(w)
		common := w == lower
		demonym := !common && (strings.HasSuffix(w, "man") || strings.HasSuffix(w, "woman"))
		if (common || demonym) && !skip[lower] {
			out = append(out, lower)
		}
	}
	return out, nil
}

// The least a verb lemma must be seen inside gold cues of the training
// split, in count and in share of its occurrences, to be taken as a cue.
const (
	minCueCount = 5
	minCueShare = 0.2
)

// polnearCueVerbs returns the lemmas of the verbs (CoreNLP tag VB*) that
// lie inside a gold cue span at least minCount times and in at least
// share of their occurrences, sorted.
func polnearCueVerbs(arts []*polnear.Article, minCount int, share float64) []string {
	total, inCue := map[string]int{}, map[string]int{}
	for _, a := range arts {
		var cues []polnear.Span
		for _, at := range a.Attributions {
			cues = append(cues, at.Cue...)
		}
		for _, t := range a.Tokens {
			if !strings.HasPrefix(t.POS, "VB") || t.Lemma == "" {
				continue
			}
			l := strings.ToLower(t.Lemma)
			if !alpha(l) {
				continue
			}
			total[l]++
			for _, c := range cues {
				if t.Start >= c.Start && t.End <= c.End {
					inCue[l]++
					break
				}
			}
		}
	}
	var out []string
	for l, n := range inCue {
		if n >= minCount && float64(n) >= share*float64(total[l]) {
			out = append(out, l)
		}
	}
	sort.Strings(out)
	return out
}

func lemmaTable(arts []*polnear.Article) []string {
	counts := map[string]map[string]int{}
	for _, a := range arts {
		for _, t := range a.Tokens {
			w := strings.ToLower(a.Text[t.Start:t.End])
			if !alpha(w) || t.Lemma == "" {
				continue
			}
			l := strings.ToLower(t.Lemma)
			if counts[w] == nil {
				counts[w] = map[string]int{}
			}
			counts[w][l]++
		}
	}
	var out []string
	for w, ls := range counts {
		best, bn, total := "", 0, 0
		for l, n := range ls {
			total += n
			if n > bn || n == bn && l < best {
				best, bn = l, n
			}
		}
		if total >= 2 && best != w && alpha(best) {
			out = append(out, w+"\t"+best)
		}
	}
	return out
}

func alpha(w string) bool {
	for _, r := range w {
		if !unicode.IsLetter(r) && r != '-' && r != '\'' {
			return false
		}
	}
	return w != ""
}

func readList(path string) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		out = append(out, line)
	}
	return out, sc.Err()
}

// writeLines writes a lexicon file: a # header, then the lines sorted and
// without duplicates.
func writeLines(path string, header, lines []string) error {
	sort.Strings(lines)
	var b strings.Builder
	for _, h := range header {
		b.WriteString("# " + h + "\n")
	}
	prev := ""
	for i, l := range lines {
		if i > 0 && l == prev {
			continue
		}
		b.WriteString(l + "\n")
		prev = l
	}
	return os.WriteFile(path, []byte(b.String()), 0o644)
}
