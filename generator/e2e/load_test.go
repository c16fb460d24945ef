package e2e

import (
	"encoding/json"
	"fmt"
	"strings"
	"sync"

	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
)

// request is one network request of a page, as Chromium reported it.
type request struct {
	ID       network.RequestID
	URL      string
	Type     network.ResourceType
	Status   int64   // HTTP status; 0 when there was no response
	Failed   string  // Chromium's error, when the request failed
	Received float64 // bytes received, headers included
	Done     bool    // the response was read to its end
}

// message is an error that a page wrote to the console, or that Chromium
// logged for it.
type message struct {
	Text string
	URL  string // the resource it is about, when known
}

// visit is what opening a page did.
type visit struct {
	URL      string
	Requests []request // in the order they were sent; the document first
	Errors   []message
}

// recorder keeps the network and console events of a tab. Its record
// method runs in the tab's event loop: it must return fast.
type recorder struct {
	mu     sync.Mutex
	byID   map[network.RequestID]*request
	order  []network.RequestID
	errors []message
}

func (r *recorder) reset() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.byID, r.order, r.errors = nil, nil, nil
}

func (r *recorder) record(ev any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.byID == nil {
		r.byID = map[network.RequestID]*request{}
	}
	// Only a request sent since the last reset is recorded: the other events
	// can be late ones of the previous page.
	req := func(id network.RequestID) *request {
		if q := r.byID[id]; q != nil {
			return q
		}
		return new(request)
	}
	switch ev := ev.(type) {
	case *network.EventRequestWillBeSent:
		q := r.byID[ev.RequestID]
		if q == nil {
			q = &request{ID: ev.RequestID}
			r.byID[ev.RequestID] = q
			r.order = append(r.order, ev.RequestID)
		}
		q.URL, q.Type = ev.Request.URL, ev.Type // a redirect keeps the id
	case *network.EventResponseReceived:
		req(ev.RequestID).Status = ev.Response.Status
	case *network.EventLoadingFinished:
		q := req(ev.RequestID)
		q.Received, q.Done = ev.EncodedDataLength, true
	case *network.EventLoadingFailed:
		q := req(ev.RequestID)
		q.Failed = ev.ErrorText
		if ev.BlockedReason != "" {
			q.Failed += " (" + string(ev.BlockedReason) + ")"
		}
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.ConsoleAPICalledTypeError || ev.Type == runtime.ConsoleAPICalledTypeAssert {
			r.errors = append(r.errors, message{Text: "console." + string(ev.Type) + ": " + argsText(ev.Args)})
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		r.errors = append(r.errors, message{Text: "uncaught: " + text, URL: d.URL})
	case *log.EventEntryAdded:
		if ev.Entry.Level == log.EntryLevelError {
			r.errors = append(r.errors, message{Text: string(ev.Entry.Source) + ": " + ev.Entry.Text, URL: ev.Entry.URL})
		}
	}
}

func (r *recorder) visit(url string) visit {
	r.mu.Lock()
	defer r.mu.Unlock()
	v := visit{URL: url, Errors: append([]message(nil), r.errors...)}
	for _, id := range r.order {
		v.Requests = append(v.Requests, *r.byID[id])
	}
	return v
}

// argsText renders the arguments of a console call, strings as they are.
func argsText(args []*runtime.RemoteObject) string {
	var parts []string
	for _, a := range args {
		var s string
		if len(a.Value) > 0 && json.Unmarshal(a.Value, &s) == nil {
			parts = append(parts, s)
		} else if len(a.Value) > 0 {
			parts = append(parts, string(a.Value))
		} else {
			parts = append(parts, a.Description)
		}
	}
	return strings.Join(parts, " ")
}

// document returns the request of the page itself.
func (v visit) document() (request, bool) {
	for _, q := range v.Requests {
		if q.Type == network.ResourceTypeDocument {
			return q, true
		}
	}
	return request{}, false
}

// loadFindings lists what went wrong while a page loaded from the site at
// origin (http://127.0.0.1:1234, or file:///the/output/folder): any request
// outside the site, to another host or folder, whether it succeeded or not;
// failed requests; HTTP errors; console errors. status is the HTTP status
// the page itself must have (Chromium gives 200 to a file).
func loadFindings(v visit, origin string, status int64) []string {
	var out []string
	doc, ok := v.document()
	switch {
	case !ok:
		out = append(out, "no document was loaded")
	case doc.Status != status:
		out = append(out, fmt.Sprintf("the page came with HTTP status %d, want %d", doc.Status, status))
	}
	for _, q := range v.Requests {
		switch {
		case !strings.HasPrefix(q.URL, origin+"/") && !strings.HasPrefix(q.URL, "data:"):
			out = append(out, fmt.Sprintf("request outside the site: %s %s %s", q.Type, q.URL, q.Failed))
		case q.Failed != "":
			out = append(out, fmt.Sprintf("failed request: %s %s: %s", q.Type, q.URL, q.Failed))
		case q.Status >= 400 && !(q.ID == doc.ID && q.Status == status):
			out = append(out, fmt.Sprintf("HTTP %d: %s %s", q.Status, q.Type, q.URL))
		}
	}
	for _, m := range v.Errors {
		if status >= 400 && m.URL == doc.URL && strings.Contains(m.Text, fmt.Sprint(status)) {
			continue // the expected error status of the page itself
		}
		out = append(out, fmt.Sprintf("console error: %s %s", m.Text, m.URL))
	}
	return out
}
