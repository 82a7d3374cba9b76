package pipeline

import (
	"context"

	"github.com/verbatim-news/verbatim/internal/attrib"
	"github.com/verbatim-news/verbatim/internal/check"
	"github.com/verbatim-news/verbatim/internal/doc"
	"github.com/verbatim-news/verbatim/internal/entity"
	"github.com/verbatim-news/verbatim/internal/lexicon"
	"github.com/verbatim-news/verbatim/internal/quantity"
	"github.com/verbatim-news/verbatim/internal/quote"
	"github.com/verbatim-news/verbatim/internal/segment"
	"github.com/verbatim-news/verbatim/internal/tag"
	"github.com/verbatim-news/verbatim/internal/timex"
)

// Default returns the standard analysis pipeline, with every stage and
// model loaded once:
//
//	segment  paragraphs, sentences, tokens
//	tag      parts of speech
//	quote    quotation-mark regions
//	entity   mentions and entities: people, organisations, places
//	attrib   statements: cue, content, source
//	speakers each statement's speaker, from its source or the statement it continues
//	timex    dates, times and durations
//	quantity numbers, shares, money and measures
//	check    the figures' inconsistencies
func Default() (*Pipeline, error) {
	lex, err := lexicon.Default()
	if err != nil {
		return nil, err
	}
	tagger, err := tag.Default()
	if err != nil {
		return nil, err
	}
	res, err := entity.New(lex)
	if err != nil {
		return nil, err
	}
	att, err := attrib.Default()
	if err != nil {
		return nil, err
	}
	qf, err := quantity.Default()
	if err != nil {
		return nil, err
	}
	tr, ck := timex.Default(), check.New(qf.Units())
	seg := segment.New(lex)
	return New(
		Func{"segment", func(_ context.Context, d *doc.Document) error { seg.Segment(d); return nil }},
		Func{"tag", func(_ context.Context, d *doc.Document) error { tagger.Tag(d); return nil }},
		Func{"quote", func(_ context.Context, d *doc.Document) error { quote.Scan(d); return nil }},
		Func{"entity", func(_ context.Context, d *doc.Document) error { res.Resolve(d); return nil }},
		Func{"attrib", func(_ context.Context, d *doc.Document) error { att.Attribute(d); return nil }},
		Func{"speakers", func(_ context.Context, d *doc.Document) error { entity.AssignSpeakers(d); return nil }},
		Func{"timex", func(_ context.Context, d *doc.Document) error { tr.Find(d); return nil }},
		Func{"quantity", func(_ context.Context, d *doc.Document) error { qf.Find(d); return nil }},
		Func{"check", func(_ context.Context, d *doc.Document) error { ck.Run(d); return nil }},
	), nil
}
