package main

const mainUsage = `gongshi：税务行政执法公示网站生成器

用法：
  gongshi <命令> [选项]

命令：
  build     生成网站到输出目录（默认 public/）
  serve     生成网站并在本机预览
  check     只检查内容和配置，不写任何文件
  version   显示版本

查看某个命令的说明：gongshi help <命令>

示例：
  gongshi build
  gongshi serve --port 8080
  gongshi check --source ./site
`

var commandUsage = map[string]string{
	"build": `用法：gongshi build [选项]

读取站点目录中的 gongshi.toml、content/、layouts/、static/ 和 seeds/，
生成完整网站。新网站先写入输出目录旁的临时目录，全部成功后才替换
输出目录；构建失败时，原来的输出目录保持不变。

选项：
  --source 目录      站点目录（默认：当前目录）
  --dest 目录        输出目录（默认：站点目录下的 public）
  --base-url 网址    网站地址，覆盖 gongshi.toml 中的 baseURL
  --as-of 时间       按哪一时刻生成网站，格式 YYYY-MM-DD 或 YYYY-MM-DDTHH:MM
                     （北京时间；只写日期时指当天 0 点；默认：现在）。
                     这一时刻还未到发布时间或已过期的内容不会出现

示例：
  gongshi build --as-of 2025-01-31
  gongshi build --source ./site --dest /srv/www/zfgs
`,
	"serve": `用法：gongshi serve [选项]

生成网站并启动预览服务器，按 Ctrl+C 停止。修改 content/、layouts/、static/、
seeds/ 或 gongshi.toml 后自动更新，打开的网页自动刷新；内容有错误时，网页上
显示错误（文件、行号、字段），仍保留上一次成功生成的网站。预览文件写入临时
目录，停止后删除，不会改动要发布的 public/。

选项：
  --source 目录      站点目录（默认：当前目录）
  --dest 目录        预览文件的目录（默认：临时目录）
  --as-of 时间       按哪一时刻生成，格式同 gongshi build（默认：每次更新时的时刻）
  --port 端口        预览端口（默认：8080）
  --bind 地址        监听地址（默认：127.0.0.1，只有本机能访问；
                     写其他地址时，局域网内其他电脑也能访问）

示例：
  gongshi serve
  gongshi serve --port 8181
`,
	"check": `用法：gongshi check [选项]

检查配置、内容和任务分解表，列出发现的全部问题（文件、行号、字段和
处理办法），不写任何文件。没有错误时退出码为 0，有错误时为 1。

选项：
  --source 目录      站点目录（默认：当前目录）
  --as-of 时间       按哪一时刻检查，格式同 gongshi build（默认：现在）

示例：
  gongshi check
  gongshi check --source ./site --as-of 2025-01-31
`,
	"version": `用法：gongshi version

显示 gongshi 的版本和构建它的 Go 版本。

示例：
  gongshi version
`,
}
