using UglyToad.PdfPig.Content;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace RagApi.Testing;

/// <summary>
/// Small PDFs built by the test itself, one list of lines per page (null for a page without text): "# " opens a
/// larger bold heading line, "**Lead** text" a line whose lead words are bold at body size (a run-in heading).
/// </summary>
internal static class TestPdfs
{
    public static byte[] Build(params IReadOnlyList<string>?[] pages)
    {
        var builder = new PdfDocumentBuilder();
        var font = builder.AddStandard14Font(Standard14Font.Helvetica);
        var bold = builder.AddStandard14Font(Standard14Font.HelveticaBold);
        foreach (var lines in pages)
        {
            var page = builder.AddPage(PageSize.A4);
            var y = 700.0;
            foreach (var line in lines ?? [])
            {
                var heading = line.StartsWith("# ", StringComparison.Ordinal);
                if (line.StartsWith("**", StringComparison.Ordinal) && line.IndexOf("**", 2, StringComparison.Ordinal) is > 2 and var end)
                {
                    var lead = page.AddText(line[2..end], 11, new PdfPoint(60, y), bold);
                    page.AddText(line[(end + 2)..].TrimStart(), 11, new PdfPoint(lead[^1].EndBaseLine.X + 3, y), font);
                }
                else page.AddText(heading ? line[2..] : line, heading ? 16 : 11, new PdfPoint(60, y), heading ? bold : font);
                y -= heading ? 30 : 15;
            }
        }
        return builder.Build();
    }

    public const string Sidecar = "id: test-guideline\ntitle: Test guideline\nkind: guideline\nsource: Test body\nyear: 2020\nurl: https://example.org/test.pdf\n";
}
