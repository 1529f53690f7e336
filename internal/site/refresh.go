package site

import "reflect"

// SameListing reports whether a content file's new version shows the same
// everywhere but on its own page: its front matter (apart from the lines
// the keys sit on) and its summary are unchanged, so only its body
// differs. Lists, the home page and the site map show nothing else of a
// page, so planning again would give the same plan.
func SameListing(old, new *Source, summaryLength int) bool {
	a, b := old.Front, new.Front
	a.Lines, b.Lines = nil, nil
	return reflect.DeepEqual(a, b) && old.summaryOf(summaryLength) == new.summaryOf(summaryLength)
}

// Refresh puts a new version of a content file into a plan whose structure
// it does not change (see SameListing), and returns the pages that show
// its body: its own page, or every page of a section list for _index.md.
func Refresh(s *Site, src *Source) []*Page {
	var out []*Page
	for _, pg := range s.Pages {
		if pg.Source != src.File {
			continue
		}
		pg.Content = src.htmlFor(s.BasePath)
		pg.Headings = src.Rendered.Headings
		out = append(out, pg)
	}
	return out
}
