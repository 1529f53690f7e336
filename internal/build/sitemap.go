package build

import (
	"bytes"
	"encoding/xml"

	"gongshi/internal/site"
	"gongshi/internal/tz"
)

// sitemapXML lists every public page except the 404 page, with absolute,
// percent-encoded URLs (sitemaps.org protocol 0.9). It is written compact,
// as the minifier would leave it, so that watch mode can write it without
// minifying a large file on every edit.
func sitemapXML(s *site.Site) []byte {
	var b bytes.Buffer
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>`)
	b.WriteString(`<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`)
	for _, p := range s.Pages {
		if p.Kind == site.Kind404 {
			continue
		}
		b.WriteString("<url><loc>")
		xml.EscapeText(&b, []byte(p.Permalink()))
		b.WriteString("</loc>")
		if !p.Date.IsZero() {
			b.WriteString("<lastmod>" + p.Date.In(tz.Shanghai()).Format("2006-01-02") + "</lastmod>")
		}
		b.WriteString("</url>")
	}
	b.WriteString("</urlset>")
	return b.Bytes()
}

// robotsTxt allows every crawler and names the sitemap.
func robotsTxt(s *site.Site) []byte {
	return []byte("User-agent: *\nAllow: /\n\nSitemap: " + s.Config.BaseURL + "sitemap.xml\n")
}
