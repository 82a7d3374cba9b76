package ingest

import (
	"errors"

	"github.com/verbatim-news/verbatim/internal/doc"
)

// FromHTML extracts the main article text of an HTML page, with its title,
// byline and date as metadata. pageURL, when known, resolves relative
// links.
func FromHTML(b []byte, pageURL string) (*doc.Document, error) {
	return nil, errors.New("HTML input is not supported yet")
}
