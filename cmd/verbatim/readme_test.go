package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// TestREADME_WorkedExample keeps the README honest: the statement it shows
// as JSON is one that `verbatim analyze --format json` gives for the
// example article today.
func TestREADME_WorkedExample(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join("..", "..", "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	text := string(readme)
	i := strings.Index(text, "```json\n")
	if i < 0 {
		t.Fatal("README has no JSON example")
	}
	rest := text[i+len("```json\n"):]
	j := strings.Index(rest, "```")
	var want map[string]any
	if err := json.Unmarshal([]byte(rest[:j]), &want); err != nil {
		t.Fatalf("README's JSON example does not parse: %v", err)
	}
	r := runCmd(t, "", "analyze", "--format", "json", filepath.Join("..", "..", "examples", "trade-talks.txt"))
	if r.code != exitOK {
		t.Fatalf("analyze: %+v", r)
	}
	var got struct {
		Statements []map[string]any `json:"statements"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil {
		t.Fatal(err)
	}
	for _, s := range got.Statements {
		if reflect.DeepEqual(s, want) {
			return
		}
	}
	t.Errorf("no statement of examples/trade-talks.txt equals the README's example; update the README from `verbatim analyze --format json examples/trade-talks.txt`")
}
