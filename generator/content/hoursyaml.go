package content

import (
	"errors"
	"unicode/utf8"

	"github.com/abri-guide/abri/generator/hours"
	"gopkg.in/yaml.v3"
)

// decodeYAML reads an hours map: day keys (mo-fr, sa, tu[1]) to slots,
// plus public_holidays and note.
func (h *Hours) decodeYAML(d *decoder, n *yaml.Node) {
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "want a map of days to hours (mo-fr: 09:00-12:00), not a %s", kindName(n))
		return
	}
	h.PublicHolidays = "unknown"
	var keys []*yaml.Node
	for i := 0; i+1 < len(n.Content); i += 2 {
		key, val := n.Content[i], n.Content[i+1]
		switch key.Value {
		case "note":
			d.field = append(d.field, "note")
			h.Note.decodeYAML(d, val)
			d.field = d.field[:len(d.field)-1]
		case "public_holidays":
			d.field = append(d.field, "public_holidays")
			d.decode(val, reflectValue(&h.PublicHolidays), fieldRules{enum: []string{"open", "closed", "unknown"}})
			d.field = d.field[:len(d.field)-1]
		default:
			if rule, ok := d.hoursRule(key, val); ok {
				h.Rules = append(h.Rules, rule)
				keys = append(keys, key)
			}
		}
	}
	for _, c := range hours.Validate(h.Rules) {
		d.errorf(keys[c.Rule], "%s", c.Msg)
	}
}

func (d *decoder) hoursRule(key, val *yaml.Node) (hours.Rule, bool) {
	days, nth, err := hours.ParseDays(key.Value)
	if err != nil {
		d.errorf(at(key, err), "%s", msgOf(err))
		return hours.Rule{}, false
	}
	if val.Kind != yaml.ScalarNode || isNull(val) {
		d.errorf(val, "want time ranges like 09:00-12:00, 14:00-17:30, or closed")
		return hours.Rule{}, false
	}
	slots, err := hours.ParseSlots(val.Value)
	if err != nil {
		d.errorf(at(val, err), "%s", msgOf(err))
		return hours.Rule{}, false
	}
	return hours.Rule{Days: days, Nth: nth, Slots: slots}, true
}

// at points a node's position at the offset of an hours error inside its
// value, when the value is written on one line.
func at(n *yaml.Node, err error) *yaml.Node {
	var he *hours.Error
	if !errors.As(err, &he) {
		return n
	}
	// Offsets count bytes; YAML columns count characters.
	off := min(max(he.Offset, 0), len(n.Value))
	col := n.Column + utf8.RuneCountInString(n.Value[:off])
	if n.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 {
		col++
	}
	if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
		return n
	}
	return &yaml.Node{Line: n.Line, Column: col}
}

func msgOf(err error) string {
	var he *hours.Error
	if errors.As(err, &he) {
		return he.Msg
	}
	return err.Error()
}
