package fetch

import (
	"bytes"
	"fmt"
	"strings"
	"time"

	"github.com/mmcdole/gofeed"
)

// Item is one entry of a feed: the article it links to.
type Item struct {
	URL       string
	Title     string
	Published time.Time // zero when the feed gives no date
}

// ParseFeed reads an RSS or Atom feed and returns its items that link
// to an article, in the feed's order.
func ParseFeed(b []byte) ([]Item, error) {
	feed, err := gofeed.NewParser().Parse(bytes.NewReader(b))
	if err != nil {
		return nil, fmt.Errorf("not a readable RSS or Atom feed: %v", err)
	}
	var items []Item
	for _, it := range feed.Items {
		link := strings.TrimSpace(it.Link)
		if link == "" && len(it.Links) > 0 {
			link = strings.TrimSpace(it.Links[0])
		}
		if link == "" && IsURL(it.GUID) {
			link = it.GUID
		}
		if !IsURL(link) {
			continue
		}
		item := Item{URL: link, Title: strings.TrimSpace(it.Title)}
		switch {
		case it.PublishedParsed != nil:
			item.Published = *it.PublishedParsed
		case it.UpdatedParsed != nil:
			item.Published = *it.UpdatedParsed
		}
		items = append(items, item)
	}
	return items, nil
}
