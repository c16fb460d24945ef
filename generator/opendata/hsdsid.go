package opendata

import (
	"crypto/sha1"
	"fmt"
)

// nsURL is RFC 4122's name space for URLs: the names hashed are the
// guide's address (or title) followed by what the object is.
var nsURL = [16]byte{0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8}

// uuid5 returns the name-based UUID (version 5, SHA-1) of name in nsURL:
// the same guide, listing and object give the same id in every build,
// which lets a reuser update its copy rather than duplicate it.
func uuid5(name string) string {
	h := sha1.New()
	h.Write(nsURL[:])
	h.Write([]byte(name))
	var u [16]byte
	copy(u[:], h.Sum(nil))
	u[6] = u[6]&0x0f | 0x50 // version 5
	u[8] = u[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x", u[0:4], u[4:6], u[6:8], u[8:10], u[10:16])
}
