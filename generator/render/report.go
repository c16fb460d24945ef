package render

import (
	"strings"
)

// ReportLink is the mailto: address by which a reader tells the editors
// that a listing changed: to site.yaml's contact, with the listing's name,
// id and page in the subject and body, in the page's language. It is ""
// without a contact address or off a listing page. The body names no part
// of the address, so a hidden street can never leave in a mail.
func (p *Page) ReportLink() (string, error) {
	to := string(p.Contact.Email)
	if p.Listing == nil || to == "" {
		return "", nil
	}
	l := p.Listing
	page := p.Canonical
	if page == "" {
		page = p.Lang + "/" + p.Rest
	}
	subject, err := p.T("report_subject", "name", l.Name, "id", l.ID)
	if err != nil {
		return "", err
	}
	body, err := p.T("report_body", "name", l.Name, "id", l.ID, "page", page)
	if err != nil {
		return "", err
	}
	return mailto(to, subject, body), nil
}

// EditLink is the address of the listing's file in the forge's web editor
// when site.yaml gives the guide's repository; "" otherwise.
func (p *Page) EditLink() string {
	r := p.guide.Site.Repository
	if p.Listing == nil || r == nil {
		return ""
	}
	return r.EditURL(p.Listing.source.File)
}

// mailto is a mailto: URI (RFC 6068) with a subject and a body. Every byte
// but the unreserved ones is percent-encoded in them, so &, =, ?, # and %
// of a name cannot end a field, and text in any script arrives as UTF-8.
// Line breaks become CRLF, as the RFC asks.
func mailto(to, subject, body string) string {
	local, domain, _ := strings.Cut(to, "@")
	body = strings.ReplaceAll(strings.ReplaceAll(body, "\r\n", "\n"), "\n", "\r\n")
	return "mailto:" + escape(local, "!$'()*+;") + "@" + domain +
		"?subject=" + escape(subject, "") + "&body=" + escape(body, "")
}

// escape percent-encodes s but for unreserved characters (RFC 3986) and
// the bytes of keep.
func escape(s, keep string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || strings.IndexByte("-._~"+keep, c) >= 0 {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&15])
	}
	return b.String()
}
