package sqlstore

import (
	"context"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/verbatim-news/verbatim/internal/store"
)

// key is one column of a list's order.
type key struct {
	expr string // the SQL expression sorted on
	desc bool
	kind byte // the type of its cursor value: 's' string, 'i' integer, 'f' float
}

// keyset is the order of one list, and the form of its cursors. A cursor
// is a JSON array: the list's tag, then (for a list with a snapshot) the
// newest article id when its first page was read, then the sort values
// of the row it names.
type keyset struct {
	tag      string
	snapshot bool
	keys     []key
	// aggregate: the keys are aggregates, to compare in HAVING.
	aggregate bool
	// position: the list is in an order of no stored value, and its
	// cursor's one value is the number of rows before the next page.
	position bool
}

// unknownDate sorts articles of unknown date after the dated ones. The
// indexes articles_oldest and articles_newest (migration 2) are on this
// expression, written the same way.
const unknownDate = "CASE WHEN a.published = '' THEN 1 ELSE 0 END"

// unknown is unknownDate's value for an article published on date.
func unknown(date string) int {
	if date == "" {
		return 1
	}
	return 0
}

// orderBy returns the ORDER BY clause of the list.
func (k keyset) orderBy() string {
	parts := make([]string, len(k.keys))
	for i, c := range k.keys {
		parts[i] = c.expr
		if c.desc {
			parts[i] += " DESC"
		}
	}
	return " ORDER BY " + strings.Join(parts, ", ")
}

// cursor returns the cursor of a row whose sort values are vals.
func (k keyset) cursor(snapshot int64, vals ...any) string {
	arr := make([]any, 0, len(vals)+2)
	arr = append(arr, k.tag)
	if k.snapshot {
		arr = append(arr, snapshot)
	}
	b, err := json.Marshal(append(arr, vals...))
	if err != nil {
		panic(fmt.Sprintf("sqlstore: encoding a cursor: %v", err)) // strings and numbers only
	}
	return string(b)
}

// parse reads a cursor of this list: its snapshot and sort values. It
// fails with store.ErrBadCursor for anything else.
func (k keyset) parse(c string) (int64, []any, error) {
	bad := fmt.Errorf("%w: %.40q", store.ErrBadCursor, c)
	dec := json.NewDecoder(strings.NewReader(c))
	dec.UseNumber()
	var arr []any
	if err := dec.Decode(&arr); err != nil || dec.More() {
		return 0, nil, bad
	}
	n := len(k.keys) + 1
	if k.snapshot {
		n++
	}
	if len(arr) != n || arr[0] != k.tag {
		return 0, nil, bad
	}
	arr = arr[1:]
	var snapshot int64
	if k.snapshot {
		num, ok := arr[0].(json.Number)
		var err error
		if snapshot, err = num.Int64(); !ok || err != nil {
			return 0, nil, bad
		}
		arr = arr[1:]
	}
	vals := make([]any, len(k.keys))
	for i, c := range k.keys {
		var err error
		switch num, isNum := arr[i].(json.Number); c.kind {
		case 's':
			s, ok := arr[i].(string)
			if !ok {
				return 0, nil, bad
			}
			vals[i] = s
		case 'i':
			if !isNum {
				return 0, nil, bad
			}
			vals[i], err = num.Int64()
		default:
			if !isNum {
				return 0, nil, bad
			}
			vals[i], err = num.Float64()
		}
		if err != nil {
			return 0, nil, bad
		}
	}
	return snapshot, vals, nil
}

// after returns the condition that holds for the rows after the sort
// values vals, and its arguments: for keys k1, k2, k3 ascending,
// k1 > v1 OR (k1 = v1 AND (k2 > v2 OR (k2 = v2 AND k3 > v3))).
func (k keyset) after(vals []any) (string, []any) {
	var b strings.Builder
	var args []any
	b.WriteByte('(')
	for i, c := range k.keys {
		op := " > ?"
		if c.desc {
			op = " < ?"
		}
		if i == len(k.keys)-1 {
			b.WriteString(c.expr + op)
			args = append(args, vals[i])
			break
		}
		b.WriteString("(" + c.expr + op + " OR (" + c.expr + " = ? AND ")
		args = append(args, vals[i], vals[i])
	}
	b.WriteString(strings.Repeat("))", len(k.keys)-1))
	b.WriteByte(')')
	return b.String(), args
}

// page holds what a list query needs to read one page: its conditions
// and their arguments, and the snapshot the cursors carry.
type page struct {
	where      []string
	args       []any
	snapshot   int64
	having     string // the condition on aggregates, or ""
	havingArgs []any
	offset     int64 // the rows before the page, for a list ordered by position
}

// add adds a condition and its arguments.
func (p *page) add(cond string, args ...any) {
	p.where = append(p.where, cond)
	p.args = append(p.args, args...)
}

// clause returns the conditions as a WHERE clause, or "".
func (p *page) clause() string {
	if len(p.where) == 0 {
		return ""
	}
	return " WHERE " + strings.Join(p.where, " AND ")
}

// newPage starts the query of one page of list k: it reads the cursor
// after, when given, and adds the condition that selects the rows after
// it (to having, for a list ordered by aggregates; as the offset, for a
// list ordered by position). For a list with a snapshot it restricts the
// rows to the articles up to the snapshot (articleID is the SQL
// expression of a row's article id), reading it as the newest article
// when there is no cursor.
func (s *DB) newPage(ctx context.Context, k keyset, after, articleID string) (*page, error) {
	p := &page{}
	var vals []any
	if after != "" {
		var err error
		if p.snapshot, vals, err = k.parse(after); err != nil {
			return nil, err
		}
	} else if k.snapshot {
		if err := s.queryRow(ctx, `SELECT COALESCE(MAX(id), 0) FROM articles`).Scan(&p.snapshot); err != nil {
			return nil, err
		}
	}
	if k.snapshot {
		p.add(articleID+" <= ?", p.snapshot)
	}
	switch {
	case vals == nil:
	case k.position:
		if p.offset = vals[0].(int64); p.offset < 0 {
			return nil, fmt.Errorf("%w: %.40q", store.ErrBadCursor, after)
		}
	case k.aggregate:
		p.having, p.havingArgs = k.after(vals)
	default:
		cond, args := k.after(vals)
		p.add(cond, args...)
	}
	return p, nil
}

// limit returns a LIMIT clause for n, adding its argument, or "" when n
// is not positive.
func limit(n int, args *[]any) string {
	if n <= 0 {
		return ""
	}
	*args = append(*args, n)
	return " LIMIT ?"
}
