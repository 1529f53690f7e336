package sheet

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/transform"

	"gongshi/internal/diag"
)

// Encoding names recorded in Table.Encoding.
const (
	EncodingUTF8    = "UTF-8"
	EncodingUTF8BOM = "UTF-8 BOM"
	EncodingGB18030 = "GB18030"
	EncodingXLSX    = "XLSX"
)

var (
	utf8BOM    = []byte{0xEF, 0xBB, 0xBF}
	utf16LEBOM = []byte{0xFF, 0xFE}
	utf16BEBOM = []byte{0xFE, 0xFF}
)

const saveAsUTF8Hint = "请在 Excel 中用“文件 → 另存为”，保存类型选“CSV UTF-8（逗号分隔）(*.csv)”；" +
	"在 WPS 中另存为 CSV 时选择 UTF-8 编码。"

// decodeCSV returns the text of a CSV file as UTF-8 without byte order mark,
// and the name of the encoding it was in.
//
// The encoding is detected, never guessed. The file is UTF-8 when it is
// valid UTF-8 once a UTF-8 byte order mark is removed. It is GB18030, which
// includes GBK and GB2312, when it decodes as GB18030 without replacement
// characters and encodes back to the same bytes. Anything else is an error
// placed at the first byte that neither encoding accepts.
//
// NOTE: a short GBK file can also be valid UTF-8 (the GBK bytes of 联通 are
// the classic case) and is then read as UTF-8, which shows as garbled text
// rather than as an error.
func decodeCSV(file string, data []byte) (text, encoding string, err *diag.Error) {
	if bytes.HasPrefix(data, utf16LEBOM) || bytes.HasPrefix(data, utf16BEBOM) {
		return "", "", &diag.Error{
			File:    file,
			Line:    1,
			Column:  1,
			Message: "文件是 UTF-16 编码（Excel 的“Unicode 文本”），不是 CSV",
			Hint:    saveAsUTF8Hint,
		}
	}

	if rest, ok := bytes.CutPrefix(data, utf8BOM); ok {
		if utf8.Valid(rest) {
			return trimBOMs(string(rest)), EncodingUTF8BOM, nil
		}
		// The byte order mark declares UTF-8, so GB18030 is not tried.
		return "", "", invalidByteError(file, rest, firstInvalidUTF8(rest),
			"文件开头标明是 UTF-8 编码，但含有不是 UTF-8 的字节")
	}

	if utf8.Valid(data) {
		return trimBOMs(string(data)), EncodingUTF8, nil
	}

	if text, ok := decodeGB18030(data); ok {
		return trimBOMs(text), EncodingGB18030, nil
	}

	// Report the position that got further: a GBK file with one broken
	// byte fails early as UTF-8 but late as GB18030, and the editor needs
	// the late position.
	offset := max(firstInvalidUTF8(data), firstInvalidGB18030(data))
	return "", "", invalidByteError(file, data, offset,
		"无法识别文件编码：文件既不是有效的 UTF-8，也不是有效的 GBK/GB18030")
}

// trimBOMs removes every U+FEFF at the start of text. GB18030 has its own
// byte order mark (84 31 95 33) that decodes to U+FEFF, and a file saved
// twice by some editors carries two.
func trimBOMs(text string) string {
	return strings.TrimLeft(text, "\uFEFF")
}

// decodeGB18030 decodes data as GB18030 and reports whether the result is
// exact: no replacement character, and encoding it again gives data back.
// The round trip rejects bytes such as a lone 0x80, which the decoder maps
// to € although GB18030 writes € as A2 E3.
func decodeGB18030(data []byte) (string, bool) {
	decoded, err := simplifiedchinese.GB18030.NewDecoder().Bytes(data)
	if err != nil || bytes.ContainsRune(decoded, utf8.RuneError) {
		return "", false
	}
	encoded, err := simplifiedchinese.GB18030.NewEncoder().Bytes(decoded)
	if err != nil || !bytes.Equal(encoded, data) {
		return "", false
	}
	return string(decoded), true
}

// firstInvalidUTF8 returns the offset of the first byte that does not start
// a valid UTF-8 sequence, or len(data) when there is none.
func firstInvalidUTF8(data []byte) int {
	for i := 0; i < len(data); {
		r, size := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && size <= 1 {
			return i
		}
		i += size
	}
	return len(data)
}

// firstInvalidGB18030 returns the offset of the first byte sequence that is
// not exact GB18030 in the sense of decodeGB18030, or len(data) when there
// is none. Each sequence is 1, 2 or 4 bytes long in GB18030: a lead
// byte 81-FE followed by 40-7E or 80-FE, or by 30-39, 81-FE, 30-39.
func firstInvalidGB18030(data []byte) int {
	var check gb18030Checker
	for i := 0; i < len(data); {
		n := gb18030SequenceLen(data[i:])
		if n == 0 {
			return i
		}
		if n > 1 && !check.exact(data[i:i+n]) {
			return i
		}
		i += n
	}
	return len(data)
}

// gb18030Checker tests single GB18030 sequences as decodeGB18030 tests whole
// files. It reuses one decoder, one encoder and fixed buffers, because
// allocating them for every sequence is slow on files of several megabytes.
type gb18030Checker struct {
	decoder, encoder transform.Transformer
	decoded, encoded [8]byte
}

// exact reports whether seq, one sequence of 2 or 4 bytes, decodes to a
// character other than U+FFFD that encodes back to seq.
func (g *gb18030Checker) exact(seq []byte) bool {
	if g.decoder == nil {
		g.decoder = simplifiedchinese.GB18030.NewDecoder()
		g.encoder = simplifiedchinese.GB18030.NewEncoder()
	}

	g.decoder.Reset()
	n, _, err := g.decoder.Transform(g.decoded[:], seq, true)
	if err != nil {
		return false
	}
	if r, _ := utf8.DecodeRune(g.decoded[:n]); r == utf8.RuneError {
		return false
	}

	g.encoder.Reset()
	m, _, err := g.encoder.Transform(g.encoded[:], g.decoded[:n], true)
	return err == nil && bytes.Equal(g.encoded[:m], seq)
}

// gb18030SequenceLen returns the length of the sequence at the start of b,
// or 0 when b does not start with a well-formed one.
func gb18030SequenceLen(b []byte) int {
	lead := b[0]
	switch {
	case lead < 0x80:
		return 1
	case lead == 0x80 || lead == 0xFF || len(b) < 2:
		return 0
	}

	second := b[1]
	switch {
	case 0x40 <= second && second <= 0xFE && second != 0x7F:
		return 2
	case 0x30 <= second && second <= 0x39:
		if len(b) >= 4 && 0x81 <= b[2] && b[2] <= 0xFE && 0x30 <= b[3] && b[3] <= 0x39 {
			return 4
		}
	}
	return 0
}

// invalidByteError places msg at the byte at offset in data. Column counts
// bytes, because the line cannot be decoded into characters.
func invalidByteError(file string, data []byte, offset int, msg string) *diag.Error {
	offset = min(offset, len(data))
	line := 1 + bytes.Count(data[:offset], []byte{'\n'})
	column := offset - bytes.LastIndexByte(data[:offset], '\n')

	end := min(offset+4, len(data))
	var value []string
	for _, b := range data[offset:end] {
		value = append(value, fmt.Sprintf("%02X", b))
	}

	return &diag.Error{
		File:    file,
		Line:    line,
		Column:  column,
		Value:   strings.Join(value, " "),
		Message: fmt.Sprintf("%s（第 %d 行第 %d 个字节起无法识别）", msg, line, column),
		Hint:    saveAsUTF8Hint,
	}
}
