import Testing
@testable import SpeechQuery

/// A speech with `line` placed after its closing, as a web page's footer would be.
private func speechFollowedBy(_ line: String) -> Document {
    document("在全县工作会议上的讲话\n县长　林文远\n同志们：\n一、部分\n内容。\n同志们，大家辛苦了！\n\(line)\n")
}

@Suite("Residue of web pages")
struct WebResidueTests {
    @Test(arguments: [
        // Licence, navigation and editor lines.
        "责任编辑：王芳", "来源：新华社", "（来源：人民日报）", "本文来源：县政府网",
        // Share and print lines.
        "分享到：微信 微博 QQ空间", "【打印本页】【关闭窗口】", "【我要打印】 【关闭】", "打印", "收藏", "打印 | 收藏 | 关闭",
        // Copyright and site lines.
        "版权所有：青山县人民政府", "Copyright © 2019 www.qingshan.gov.cn All Rights Reserved", "© 2019 青山县人民政府",
        "主办单位：青山县人民政府办公室　承办单位：县大数据中心", "网站地图 | 联系我们 | 网站声明", "联系我们", "扫一扫在手机打开当前页",
        "京ICP备05070218号",
        // Breadcrumbs and page metadata.
        "首页 > 新闻 > 领导讲话", "首页 » 要闻 » 正文", "当前位置：首页 > 讲话", "发布时间：2019-03-05 08:00", "浏览次数：1234",
        "字号：大 中 小", "【字体：大 中 小】", "编辑：李明　审核：张华", "作者：王芳",
        // Wiki lines.
        "本页面最后修订于2019年3月5日 (星期二) 08:12。", "取自“https://zh.wikisource.org/w/index.php?title=政府工作报告&oldid=1”",
        "本站的全部文字在知识共享 署名-相同方式共享 4.0协议之条款下提供，附加条款亦可能应用。", "维基文库，自由的图书馆",
        "分类：政府工作报告", "[编辑]",
    ])
    func footerLineIsResidue(_ line: String) {
        let doc = speechFollowedBy(line)
        #expect(doc.outline.residue.map { doc.text($0.range) } == [line])
        #expect(doc.outline.paragraphs.filter { $0.part == .closing }.map(\.line) == [6])
        #expect(!doc.sentenceTexts.contains { $0.contains(line) })
    }

    @Test(arguments: [
        // Sentences of speech that hold a residue phrase.
        "要联系我们县的实际，抓好落实。", "促进知识共享。", "各单位要打印、收藏好这份文件。",
        "同志们，版权所有者的权益要保护好！",
        // A long paragraph that holds a phrase is speech, terminator or not.
        "这些数据的来源：" + String(repeating: "统计部门的年报和各乡镇的月报", count: 6),
        // A numbered heading that holds a phrase.
        "二、发展3D打印和收藏品产业 首页 > 产业 > 规划",
    ])
    func speechWithAResiduePhraseIsKept(_ line: String) {
        let doc = speechFollowedBy(line)
        #expect(doc.outline.residue.isEmpty)
    }

    @Test func aTitleOrHeadingWithAResidueWordIsKept() {
        let doc = document("在全县收藏家协会成立大会上的讲话\n同志们：\n一、发展打印产业\n内容。\n")
        #expect(doc.outline.residue.isEmpty)
        #expect(doc.outline.frontMatter.title.map { doc.text($0.range) } == "在全县收藏家协会成立大会上的讲话")
        #expect(doc.outline.sections.map { doc.text($0.heading) } == ["发展打印产业"])
    }
}
