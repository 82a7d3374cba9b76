// Package polnear reads the PolNeAR attribution corpus in the layout of
// ../shared/data/polnear/{train,dev}: text/NAME.txt, ann/NAME.ann (brat
// standoff) and corenlp/NAME.tsv (CoreNLP tokens). It is used by the
// scorer, by training and by tests; it never reaches for a split by name.
//
// Offsets in the files are Unicode code points. The reader converts them to
// byte offsets into the text, which is what the rest of Verbatim uses.
package polnear

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Span is a half-open byte range into an Article's Text.
type Span struct{ Start, End int }

// Attribution is one gold attribution: its content fragments, cue
// fragments and source fragments (each possibly several, for discontinuous
// spans and Content2).
type Attribution struct {
	Content []Span
	Cue     []Span
	Source  []Span
}

// Token is one CoreNLP token.
type Token struct {
	Start, End int // byte offsets into Text
	Sent       int // 0-based sentence index
	Word       string
	Lemma      string
	POS        string
	NER        string
}

// Article is one document of the corpus.
type Article struct {
	Name         string
	Text         string
	Attributions []Attribution
	Tokens       []Token // nil when the corpus has no CoreNLP file for it
}

// Names returns the article names in dir (which holds text/), sorted.
func Names(dir string) ([]string, error) {
	entries, err := os.ReadDir(filepath.Join(dir, "text"))
	if err != nil {
		return nil, err
	}
	var names []string
	for _, e := range entries {
		if n, ok := strings.CutSuffix(e.Name(), ".txt"); ok {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	return names, nil
}

// Load reads every article in dir. When withTokens is false the CoreNLP
// files are not read.
func Load(dir string, withTokens bool) ([]*Article, error) {
	names, err := Names(dir)
	if err != nil {
		return nil, err
	}
	if len(names) == 0 {
		return nil, fmt.Errorf("polnear: no text/*.txt files in %s", dir)
	}
	out := make([]*Article, 0, len(names))
	for _, n := range names {
		a, err := LoadArticle(dir, n, withTokens)
		if err != nil {
			return nil, err
		}
		out = append(out, a)
	}
	return out, nil
}

// LoadArticle reads one article.
func LoadArticle(dir, name string, withTokens bool) (*Article, error) {
	b, err := os.ReadFile(filepath.Join(dir, "text", name+".txt"))
	if err != nil {
		return nil, err
	}
	a := &Article{Name: name, Text: string(b)}
	conv := NewOffsets(a.Text)
	annPath := filepath.Join(dir, "ann", name+".ann")
	if f, err := os.Open(annPath); err == nil {
		a.Attributions, err = ReadAnn(f, conv)
		f.Close()
		if err != nil {
			return nil, fmt.Errorf("%s: %w", annPath, err)
		}
	} else if !os.IsNotExist(err) {
		return nil, err
	}
	if withTokens {
		tokPath := filepath.Join(dir, "corenlp", name+".tsv")
		a.Tokens, err = readTokens(tokPath, conv)
		if err != nil && !os.IsNotExist(err) {
			return nil, fmt.Errorf("%s: %w", tokPath, err)
		}
	}
	return a, nil
}

// Offsets converts code-point offsets of one text to byte offsets.
type Offsets struct {
	text  string
	bytes []int // bytes[cp] = byte offset of code point cp; nil for ASCII text
}

// NewOffsets prepares conversions for text.
func NewOffsets(text string) *Offsets {
	o := &Offsets{text: text}
	if utf8.RuneCountInString(text) == len(text) {
		return o
	}
	o.bytes = make([]int, 0, len(text)+1)
	for i := range text {
		o.bytes = append(o.bytes, i)
	}
	o.bytes = append(o.bytes, len(text))
	return o
}

// Byte returns the byte offset of code point cp, and false when cp is out
// of range.
func (o *Offsets) Byte(cp int) (int, bool) {
	if cp < 0 {
		return 0, false
	}
	if o.bytes == nil {
		return cp, cp <= len(o.text)
	}
	if cp >= len(o.bytes) {
		return 0, false
	}
	return o.bytes[cp], true
}

// ReadAnn reads brat standoff with the PolNeAR scheme. Events without
// content are skipped; T lines not referenced by an event are ignored.
func ReadAnn(f io.Reader, conv *Offsets) ([]Attribution, error) {
	type tline struct {
		label string
		spans []Span
	}
	ts := map[string]tline{}
	var events [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		fields := strings.Split(line, "\t")
		switch line[0] {
		case 'T':
			if len(fields) < 2 {
				return nil, fmt.Errorf("line %d: malformed T line", n)
			}
			label, rng, ok := strings.Cut(fields[1], " ")
			if !ok {
				return nil, fmt.Errorf("line %d: malformed T line", n)
			}
			var spans []Span
			for _, frag := range strings.Split(rng, ";") {
				a, b, ok := strings.Cut(frag, " ")
				if !ok {
					return nil, fmt.Errorf("line %d: malformed range %q", n, frag)
				}
				s, err1 := strconv.Atoi(a)
				e, err2 := strconv.Atoi(b)
				if err1 != nil || err2 != nil {
					return nil, fmt.Errorf("line %d: malformed range %q", n, frag)
				}
				bs, ok1 := conv.Byte(s)
				be, ok2 := conv.Byte(e)
				if !ok1 || !ok2 || be < bs {
					return nil, fmt.Errorf("line %d: range %q out of the text", n, frag)
				}
				spans = append(spans, Span{bs, be})
			}
			ts[fields[0]] = tline{label, spans}
		case 'E':
			if len(fields) < 2 {
				return nil, fmt.Errorf("line %d: malformed E line", n)
			}
			events = append(events, strings.Fields(fields[1]))
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	var out []Attribution
	for _, ev := range events {
		var a Attribution
		for _, arg := range ev[1:] {
			role, id, ok := strings.Cut(arg, ":")
			if !ok {
				continue
			}
			t, ok := ts[id]
			if !ok {
				continue
			}
			switch {
			case strings.HasPrefix(role, "Content"):
				a.Content = append(a.Content, t.spans...)
			case role == "Cue":
				a.Cue = append(a.Cue, t.spans...)
			case role == "Source":
				a.Source = append(a.Source, t.spans...)
			}
		}
		if len(a.Content) == 0 {
			continue
		}
		sort.Slice(a.Content, func(i, j int) bool { return a.Content[i].Start < a.Content[j].Start })
		out = append(out, a)
	}
	return out, nil
}

func readTokens(path string, conv *Offsets) ([]Token, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var toks []Token
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Text()
		if line == "" {
			continue
		}
		c := strings.Split(line, "\t")
		if len(c) < 8 {
			return nil, fmt.Errorf("line %d: want 8 columns, have %d", n, len(c))
		}
		sent, err1 := strconv.Atoi(c[0])
		s, err2 := strconv.Atoi(c[2])
		e, err3 := strconv.Atoi(c[3])
		if err1 != nil || err2 != nil || err3 != nil {
			return nil, fmt.Errorf("line %d: malformed numbers", n)
		}
		bs, ok1 := conv.Byte(s)
		be, ok2 := conv.Byte(e)
		if !ok1 || !ok2 {
			return nil, fmt.Errorf("line %d: offsets out of the text", n)
		}
		toks = append(toks, Token{Start: bs, End: be, Sent: sent - 1, Word: c[4], Lemma: c[5], POS: c[6], NER: c[7]})
	}
	return toks, sc.Err()
}
