package sheet

import (
	"archive/zip"
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"

	"gongshi/internal/diag"
)

// oleSignature starts every OLE2 compound file: an Excel 97-2003 .xls
// workbook, and also an .xlsx workbook saved with an open password, which
// Excel wraps in an encrypted OLE2 container.
var oleSignature = []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}

const resaveXLSXHint = "请在 Excel 或 WPS 中打开这个文件，另存为 .xlsx（Excel 工作簿）后再试。"

// maxUnzippedSize caps the total size that the parts of a workbook declare.
// excelize allocates each part's declared size before reading it, so a
// damaged file declaring gigabytes would stall the build. A workbook of
// 100,000 rows by 10 text and number columns, written by excelize, unzips to
// 56 MiB, so the cap leaves room for about four times that.
const maxUnzippedSize = 256 << 20

// maxDeflateRatio bounds how much Deflate can expand data: about 1032 to 1,
// one 258-byte match per two bits. Go's compress/flate reaches 1029 to 1 on
// zero bytes. A part declaring more than that is damaged.
const maxDeflateRatio = 1032

// ReadXLSX reads the table in one worksheet of an XLSX workbook: the
// worksheet named sheet, or the first visible one when sheet is "".
//
// Hidden rows and columns are read like visible ones, because hiding them
// does not remove their data from the published table. Merged ranges that
// overlap the table are errors (see mergeErrors), and so are formula cells
// without a cached result and Excel error values such as #N/A.
func ReadXLSX(file string, data []byte, sheet string) (t *Table, errs []*diag.Error) {
	// excelize parses untrusted archive contents, so a panic inside it is
	// reported as a broken file instead of stopping the whole build.
	defer func() {
		if r := recover(); r != nil {
			t, errs = nil, []*diag.Error{fileError(file, fmt.Sprintf("读取 XLSX 文件失败：%v", r), resaveXLSXHint)}
		}
	}()

	f, openErr := openWorkbook(file, data)
	if openErr != nil {
		return nil, []*diag.Error{openErr}
	}
	defer f.Close()

	name, sheetErr := chooseSheet(f, file, sheet)
	if sheetErr != nil {
		return nil, []*diag.Error{sheetErr}
	}

	x, err := newXLSXReader(f, file, name)
	if err != nil {
		return nil, []*diag.Error{fileError(file, "读取 XLSX 文件失败："+err.Error(), resaveXLSXHint)}
	}
	return x.read()
}

// openWorkbook opens data with excelize and explains the usual reasons why
// a file named .xlsx is not one.
func openWorkbook(file string, data []byte) (*excelize.File, *diag.Error) {
	if bytes.HasPrefix(data, oleSignature) {
		return nil, fileError(file, "文件不是 .xlsx 格式：它是旧版 Excel 97-2003 工作簿（.xls），或设置了打开密码的工作簿",
			"请在 Excel 中打开，去掉打开密码（如果有），然后另存为 .xlsx（Excel 工作簿）。")
	}

	notXLSX := fileError(file, "文件不是有效的 .xlsx 工作簿：文件已损坏，或是把其他格式的文件改成了 .xlsx 扩展名",
		resaveXLSXHint)
	archive, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, notXLSX
	}
	var size uint64
	for _, part := range archive.File {
		if part.UncompressedSize64 > maxDeflateRatio*part.CompressedSize64+1<<16 {
			return nil, notXLSX // the declared size is impossible, so the header is damaged
		}
		size += part.UncompressedSize64
		if size > maxUnzippedSize {
			return nil, fileError(file, fmt.Sprintf("文件解压后超过 %d MB：文件已损坏，或工作簿过大", maxUnzippedSize>>20),
				"请在 Excel 或 WPS 中打开这个文件，删除不需要的工作表和空白行列，另存为 .xlsx 后再试。")
		}
	}

	f, err := excelize.OpenReader(bytes.NewReader(data), excelize.Options{UnzipSizeLimit: maxUnzippedSize})
	if errors.Is(err, zip.ErrFormat) {
		return nil, notXLSX
	}
	if err != nil {
		return nil, fileError(file, "无法打开 XLSX 文件："+err.Error(), resaveXLSXHint)
	}
	return f, nil
}

// chooseSheet returns the name of the worksheet to read. A requested name
// matches exactly, or else ignoring case and surrounding spaces when that
// finds exactly one worksheet, as Excel itself treats names that differ only
// in case as the same.
func chooseSheet(f *excelize.File, file, want string) (string, *diag.Error) {
	names := f.GetSheetList()
	if len(names) == 0 {
		return "", fileError(file, "工作簿里没有工作表", resaveXLSXHint)
	}

	if want == "" {
		for _, name := range names {
			if visible, _ := f.GetSheetVisible(name); visible {
				return name, nil
			}
		}
		return names[0], nil
	}

	var loose []string
	for _, name := range names {
		if name == want {
			return name, nil
		}
		if strings.EqualFold(strings.TrimSpace(name), strings.TrimSpace(want)) {
			loose = append(loose, name)
		}
	}
	if len(loose) == 1 {
		return loose[0], nil
	}

	quoted := make([]string, len(names))
	for i, name := range names {
		quoted[i] = "“" + name + "”"
	}
	return "", &diag.Error{
		File:    file,
		Line:    1,
		Value:   want,
		Message: "工作簿里没有这个工作表；现有的工作表是 " + strings.Join(quoted, "、"),
		Hint:    "请检查工作表名称（包括前后的空格），或改用上面列出的名称。",
	}
}
