namespace RagApi.Eval.Tests.Support;

/// <summary>
/// A SciFact folder over the <see cref="BeirServer"/>'s abstracts (the ones its store holds): four claims, each with
/// one rationale sentence of one abstract, judged in qrels/train.tsv.
/// </summary>
internal static class SciFactSample
{
    private const string Claims = """
        {"_id": "1", "text": "Antibodies against presynaptic P/Q-type voltage-gated calcium channels cause Lambert-Eaton myasthenic syndrome."}
        {"_id": "2", "text": "3,4-diaminopyridine improves muscle strength in Lambert-Eaton myasthenic syndrome."}
        {"_id": "3", "text": "Metformin is the first-line drug for type 2 diabetes."}
        {"_id": "4", "text": "Delaying antibiotics in septic shock increases mortality."}
        """;

    private const string Sentences = """
        {"_id": "d-lems", "sentences": ["Lambert-Eaton myasthenic syndrome is caused by antibodies against presynaptic P/Q-type voltage-gated calcium channels.", "Patients have proximal weakness, autonomic symptoms and reduced reflexes that improve after brief exercise."]}
        {"_id": "d-dap", "sentences": ["3,4-diaminopyridine blocks potassium channels and prolongs the presynaptic action potential.", "In a randomised trial it improved muscle strength and compound muscle action potentials in Lambert-Eaton myasthenic syndrome."]}
        {"_id": "d-diabetes", "sentences": ["Metformin lowers hepatic glucose production and is the first-line drug for type 2 diabetes.", "Gastrointestinal side effects are common; lactic acidosis is rare."]}
        {"_id": "d-sepsis", "sentences": ["Each hour of delay in giving antibiotics to patients with septic shock increases mortality.", "Blood cultures are taken first when this causes no delay."]}
        """;

    private const string Rationales = """
        {"query-id": "1", "corpus-id": "d-lems", "label": "SUPPORT", "sentences": [0]}
        {"query-id": "2", "corpus-id": "d-dap", "label": "SUPPORT", "sentences": [1]}
        {"query-id": "3", "corpus-id": "d-diabetes", "label": "SUPPORT", "sentences": [0]}
        {"query-id": "4", "corpus-id": "d-sepsis", "label": "SUPPORT", "sentences": [0]}
        """;

    private const string Qrels = "query-id\tcorpus-id\tscore\n1\td-lems\t1\n2\td-dap\t1\n3\td-diabetes\t1\n4\td-sepsis\t1\n";

    /// <summary>Writes the SciFact files into <paramref name="folder"/> beside a copy of the server's corpus.jsonl.</summary>
    public static string Write(string folder, string corpus)
    {
        Directory.CreateDirectory(Path.Combine(folder, "qrels"));
        File.Copy(corpus, Path.Combine(folder, "corpus.jsonl"), overwrite: true);
        File.WriteAllText(Path.Combine(folder, "queries.jsonl"), Claims);
        File.WriteAllText(Path.Combine(folder, "sentences.jsonl"), Sentences);
        File.WriteAllText(Path.Combine(folder, "rationales.jsonl"), Rationales);
        File.WriteAllText(Path.Combine(folder, "qrels", "train.tsv"), Qrels);
        return folder;
    }
}
