package tasktable

// splitDepartments finishes the rows: each department line becomes one or
// more department names.
//
// Word sometimes drops the line break between two names in one cell
// (征管和科技发展处稽查局). Such a line is split when it is a concatenation of
// names that stand alone on a line elsewhere in the same table; a line that
// is not, such as 法律顾问、公职律师所在部门, stays one name. No suffix rule
// is used because suffixes occur inside names (the 科 of 科技 in
// 征管和科技发展处 is not the 科 of 法制科).
func splitDepartments(raws []rawTask) []Task {
	lexicon := map[string]bool{}
	for _, r := range raws {
		for _, lines := range r.deptLines {
			for _, l := range lines {
				lexicon[l] = true
			}
		}
	}
	longest := 0
	for name := range lexicon {
		longest = max(longest, len([]rune(name)))
	}

	tasks := make([]Task, len(raws))
	for i, r := range raws {
		t := r.Task
		t.Lead = splitLines(r.deptLines[0], lexicon, longest)
		t.Responsible = splitLines(r.deptLines[1], lexicon, longest)
		t.Cooperating = splitLines(r.deptLines[2], lexicon, longest)
		tasks[i] = t
	}
	return tasks
}

func splitLines(lines []string, lexicon map[string]bool, longest int) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lines {
		for _, name := range segment(l, lexicon, longest) {
			if !seen[name] {
				seen[name] = true
				out = append(out, name)
			}
		}
	}
	return out
}

// segment splits line into the fewest names from lexicon other than line
// itself, when it can be split into two or more. Otherwise it returns the
// line whole. longest is the rune length of the longest lexicon entry.
func segment(line string, lexicon map[string]bool, longest int) []string {
	runes := []rune(line)
	n := len(runes)

	// best[i] is the fewest names covering runes[:i]; from[i] is where
	// the last of them starts. Zero best means not reachable.
	best := make([]int, n+1)
	from := make([]int, n+1)
	for i := 1; i <= n; i++ {
		for j := max(0, i-longest); j < i; j++ {
			if j > 0 && best[j] == 0 {
				continue
			}
			word := string(runes[j:i])
			if word == line || !lexicon[word] {
				continue
			}
			if count := best[j] + 1; best[i] == 0 || count < best[i] {
				best[i] = count
				from[i] = j
			}
		}
	}
	if best[n] < 2 {
		return []string{line}
	}

	var parts []string
	for i := n; i > 0; i = from[i] {
		parts = append(parts, string(runes[from[i]:i]))
	}
	for a, b := 0, len(parts)-1; a < b; a, b = a+1, b-1 {
		parts[a], parts[b] = parts[b], parts[a]
	}
	return parts
}
