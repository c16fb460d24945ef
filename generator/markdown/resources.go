package markdown

import (
	"bytes"
	"fmt"
	"regexp"
	"unicode/utf8"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/text"
)

// Issue is a problem of a page's Markdown, at a line and column of src.
type Issue struct {
	Line, Col int // 1-based, in characters
	Msg       string
}

// inlineImage is the only image a page may hold: its bytes are in the page,
// so that showing it makes no request. Links are not resources: they are
// followed only when the reader chooses to.
var inlineImage = regexp.MustCompile(`(?i)^data:image/(png|gif|jpeg|webp);`)

// Check reports what the page would make readers' browsers load, inline or
// reference-style images from another site ("readers make no request to
// any third party") or files abri does not publish.
func (r *Renderer) Check(src []byte) []Issue {
	doc := r.md.Parser().Parse(text.NewReader(src))
	var issues []Issue
	ast.Walk(doc, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		img, ok := n.(*ast.Image)
		if !entering || !ok || inlineImage.Match(img.Destination) {
			return ast.WalkContinue, nil
		}
		line, col := position(src, img.Pos())
		issues = append(issues, Issue{line, col, imageMsg(img.Destination)})
		return ast.WalkContinue, nil
	})
	return issues
}

var otherSite = regexp.MustCompile(`^(?i:[a-z][a-z0-9+.-]*:|//)`)

func imageMsg(dest []byte) string {
	if otherSite.Match(dest) {
		return fmt.Sprintf("image %s is on another site: readers' browsers would fetch it from there, and the guide makes no request to third parties; remove it, or link to it: [text](address)", dest)
	}
	return fmt.Sprintf("image %q: abri publishes no image files of the content folder; remove it, or link to a page that shows it", dest)
}

// position turns a byte offset of src into a line and a column in
// characters; an unknown offset (-1) is the start.
func position(src []byte, off int) (line, col int) {
	if off < 0 || off > len(src) {
		return 1, 1
	}
	before := src[:off]
	line = bytes.Count(before, []byte("\n")) + 1
	start := bytes.LastIndexByte(before, '\n') + 1
	return line, utf8.RuneCount(before[start:]) + 1
}
