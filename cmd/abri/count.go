package main

import "strconv"

// plural writes n things in English, singular for one: "1 place", "2 places".
func plural(n int, one, other string) string {
	if n == 1 {
		return "1 " + one
	}
	return strconv.Itoa(n) + " " + other
}
