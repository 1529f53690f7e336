// Command latency measures a preview server's edit-to-served latency: it
// starts the server, saves one page again and again with a new marker in
// its text, and times each save until the page served over HTTP on
// 127.0.0.1 contains the marker. It works the same for `gongshi serve`
// and `hugo server`, so the two can be compared side by side.
//
//	go run ./bench/latency -site /tmp/corpus/gongshi -port 18080 \
//	    -server '/tmp/gongshi serve --source /tmp/corpus/gongshi --port 18080'
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"syscall"
	"time"
)

func main() {
	server := flag.String("server", "", "command that starts the server (run with sh -c)")
	site := flag.String("site", "", "site folder whose page is edited")
	port := flag.Int("port", 18080, "port the server listens on at 127.0.0.1")
	page := flag.String("page", "content/s03/p00003.md", "page file to edit, relative to -site")
	urlPath := flag.String("path", "s03/p00003/", "URL path of that page")
	edits := flag.Int("n", 20, "number of edits")
	name := flag.String("name", "server", "name printed with the results")
	flag.Parse()
	if *server == "" || *site == "" {
		log.Fatal("-server and -site are required")
	}
	base := fmt.Sprintf("http://127.0.0.1:%d/", *port)

	cmd := exec.Command("sh", "-c", *server)
	cmd.SysProcAttr = &syscall.SysProcAttr{Setpgid: true}
	cmd.Stdout, cmd.Stderr = io.Discard, io.Discard
	if err := cmd.Start(); err != nil {
		log.Fatal(err)
	}
	defer syscall.Kill(-cmd.Process.Pid, syscall.SIGINT)

	client := &http.Client{Timeout: 10 * time.Second}
	started := time.Now()
	if !waitFor(client, base+*urlPath, "", 300*time.Second) {
		log.Fatalf("%s did not serve %s", *name, *urlPath)
	}
	fmt.Printf("%s: first page served after %s\n", *name, time.Since(started).Round(time.Millisecond))
	time.Sleep(time.Second)

	file := filepath.Join(*site, filepath.FromSlash(*page))
	original, err := os.ReadFile(file)
	if err != nil {
		log.Fatal(err)
	}
	defer os.WriteFile(file, original, 0o644)

	var times []time.Duration
	for i := range *edits {
		marker := fmt.Sprintf("延迟标记%d-%d", i, time.Now().UnixNano())
		text := strings.TrimRight(string(original), "\n") + "\n\n" + marker + "\n"
		start := time.Now()
		if err := os.WriteFile(file, []byte(text), 0o644); err != nil {
			log.Fatal(err)
		}
		if !waitFor(client, base+*urlPath, marker, 60*time.Second) {
			log.Fatalf("%s: edit %d not served within 60 s", *name, i)
		}
		times = append(times, time.Since(start))
		time.Sleep(300 * time.Millisecond)
	}
	slices.Sort(times)
	fmt.Printf("%s: %d edits, median %s, p90 %s, min %s, max %s\n", *name, len(times),
		ms(times[len(times)/2]), ms(times[len(times)*9/10]), ms(times[0]), ms(times[len(times)-1]))
}

// waitFor polls url every 2 ms until its body contains text (any body
// with status 200 when text is empty).
func waitFor(client *http.Client, url, text string, limit time.Duration) bool {
	deadline := time.Now().Add(limit)
	for time.Now().Before(deadline) {
		resp, err := client.Get(url)
		if err == nil {
			body, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			if resp.StatusCode == 200 && strings.Contains(string(body), text) {
				return true
			}
		}
		time.Sleep(2 * time.Millisecond)
	}
	return false
}

func ms(d time.Duration) string {
	return fmt.Sprintf("%.1f ms", float64(d.Microseconds())/1000)
}
