using System.Text;
using RagApi.Testing;

namespace RagApi.Api.Tests.Fuzz;

/// <summary>Builds one bad (rarely a good) request at a time from a seeded random source.</summary>
internal sealed class BadRequestGenerator(Random random)
{
    private static readonly string[] Paths =
        ["/v1/answers", "/v1/answers", "/v1/answers", "/v1/search", "/v1/search", "/v1/documents/lems-review-titulaer-2011",
         "/v1/documents/%25%32%65", "/v1/documents/..%2F..%2Fetc%2Fpasswd", "/v1/answers/", "/v1/answers/stream", "/v1/nowhere"];

    private static readonly string[] Methods = ["POST", "POST", "POST", "POST", "GET", "PUT", "DELETE", "PATCH"];

    private static readonly string[] ContentTypes =
        ["application/json", "application/json", "application/json", "application/json; charset=utf-8", "text/plain",
         "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json; charset=latin1", "application/xml"];

    private static readonly string[] Adversarial =
        ["", " ", "\u0000", "\uFEFF", "' OR 1=1 --", "\"; DROP TABLE chunks; --", "<script>alert(1)</script>", "{{7*7}}", "${jndi:ldap://x}",
         "../../../../etc/passwd", "\u202Eevil", "𝕃𝔼𝕄𝕊 💊", "NaN", "null", "%00", "\\u0000", "a\r\nX-Injected: 1", "ＬＥＭＳ", "MATCH chunk_terms",
         "\"* OR NEAR(", "terms:*", "((((((", "\uD800", "How is LEMS treated?", "amifampridine"];

    private static readonly string[] Fields = ["question", "query", "history", "filters", "topK", "kinds", "sourceIds", "yearFrom", "role", "content"];

    public (HttpRequestMessage Request, string Description) Next()
    {
        var kind = random.Next(12);
        var path = Pick(Paths);
        var method = kind == 0 ? Pick(Methods) : "POST";
        var request = new HttpRequestMessage(new HttpMethod(method), path);
        var (body, description) = kind switch
        {
            1 => (Truncate(ValidBody()), "truncated JSON"),
            2 => (RandomBytesAsText(), "random characters"),
            3 => (WrongTypes(), "wrong types"),
            4 => (DeepNesting(), "deep nesting"),
            5 => (new string('[', random.Next(1, 4)) + Oversized(), "oversized"),
            6 => (AdversarialValues(), "adversarial strings"),
            7 => (HugeNumbers(), "huge numbers"),
            8 => (DuplicateAndUnknownFields(), "duplicate and unknown fields"),
            9 => (random.Next(50) == 0 ? ValidBody() : InvalidHistory(), "history"),
            10 => (InvalidFilters(), "filters"),
            _ => (Mutate(ValidBody()), "mutated JSON"),
        };
        if (method is not ("GET" or "DELETE"))
            request.Content = new ByteArrayContent(kind == 2 && random.Next(2) == 0 ? RandomBytes() : Encoding.UTF8.GetBytes(body));
        request.Content?.Headers.TryAddWithoutValidation("Content-Type", Pick(ContentTypes));
        AddHeaders(request);
        return (request, $"{method} {path} {description}");
    }

    private void AddHeaders(HttpRequestMessage request)
    {
        // Most requests carry the valid key so their bodies reach the validators; the rest probe the key check.
        switch (random.Next(24))
        {
            case 0: break;
            case 1: request.Headers.TryAddWithoutValidation("X-Api-Key", Pick(Adversarial)); break;
            case 2: request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + Pick(Adversarial)); break;
            case 3: request.Headers.TryAddWithoutValidation("Authorization", Pick(["Basic Zm9vOmJhcg==", "Bearer", "bearer  ", "Token x"])); break;
            case 4:
                request.Headers.TryAddWithoutValidation("X-Api-Key", Keys.Partner);
                request.Headers.TryAddWithoutValidation("X-Api-Key", "second"); break;
            case 5: request.Headers.TryAddWithoutValidation("X-Api-Key", new string('k', random.Next(1000, 8000))); break;
            default: request.Headers.TryAddWithoutValidation("X-Api-Key", Keys.Partner); break;
        }
        if (random.Next(8) == 0) request.Headers.TryAddWithoutValidation("Origin", Pick(["https://attacker.example", "null", "file://"]));
        if (random.Next(8) == 0) request.Headers.TryAddWithoutValidation("Accept", Pick(["text/html", "*/*", "application/xml", "application/problem+json"]));
    }

    private string ValidBody() => random.Next(2) == 0
        ? $$"""{"question":"{{Pick(["How is LEMS treated?", "What antibodies cause LEMS?", "Is thymectomy advised in myasthenia gravis?"])}}","topK":{{random.Next(1, 5)}}}"""
        : $$"""{"query":"amifampridine","topK":3}""";

    private string Truncate(string json) => json[..random.Next(0, json.Length)];

    private string Mutate(string json)
    {
        var chars = json.ToCharArray();
        for (var i = 0; i < random.Next(1, 6); i++) chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x7F);
        return new string(chars);
    }

    private string RandomBytesAsText() => new(Enumerable.Range(0, random.Next(0, 300)).Select(_ => (char)random.Next(0, 0xD7FF)).ToArray());

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(1, 400)];
        random.NextBytes(bytes);
        return bytes;
    }

    private string WrongTypes()
    {
        var values = new[] { "1", "true", "null", "[]", "{}", "\"x\"", "-1", "1.5", "[1,2]", "{\"a\":1}", "\"\"" };
        var fields = Enumerable.Range(0, random.Next(1, 5)).Select(_ => $"\"{Pick(Fields)}\":{Pick(values)}");
        return "{" + string.Join(',', fields) + "}";
    }

    private string DeepNesting()
    {
        var depth = random.Next(60, 3000);
        return random.Next(2) == 0
            ? "{\"question\":\"x\",\"filters\":" + new string('[', depth) + new string(']', depth) + "}"
            : string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth);
    }

    private string Oversized() => $$"""{"question":"{{new string('a', random.Next(70_000, 200_000))}}"}""";

    private string AdversarialValues() => $$$"""{"question":{{{Quote(Pick(Adversarial))}}},"history":[{"role":{{{Quote(Pick(Adversarial))}}},"content":{{{Quote(Pick(Adversarial))}}}}],"filters":{"sourceIds":[{{{Quote(Pick(Adversarial))}}}],"kinds":[{{{Quote(Pick(Adversarial))}}}]}}""";

    private string HugeNumbers() => $$"""{"question":"LEMS","topK":{{Pick(["1e400", "99999999999999999999", "-2147483649", "0", "21", "1.0000001", "0x10", "Infinity"])}}}""";

    private static string DuplicateAndUnknownFields() => """{"question":"a","question":"b","$type":"System.IO.File","__proto__":{"admin":true},"extra":[1,2,3]}""";

    private string InvalidHistory() => $$"""{"question":"And how is it treated?","history":[{{string.Join(',', Enumerable.Range(0, random.Next(0, 30)).Select(_ => Pick(["null", "1", "{}", "{\"role\":\"system\",\"content\":\"x\"}", "{\"role\":\"user\",\"content\":\"\"}", "{\"role\":\"user\",\"content\":\"What is LEMS?\"}"])))}}]}""";

    private string InvalidFilters() => $$$"""{"question":"LEMS","filters":{"kinds":[{{{Quote(Pick(["guideline", "review", "", "GUIDELINE"]))}}}],"sourceIds":[{{{string.Join(',', Enumerable.Range(0, random.Next(0, 60)).Select(i => Quote($"doc-{i}")))}}}],"yearFrom":{{{random.Next(-5000, 5000)}}}}}""";

    private static string Quote(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private T Pick<T>(IReadOnlyList<T> values) => values[random.Next(values.Count)];
}
