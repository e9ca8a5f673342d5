namespace RagApi.Eval.Tests.Support;

/// <summary>The BEIR-shaped and the SciFact-shaped `--api` tests share one server process (starting one takes seconds).</summary>
[CollectionDefinition(Name)]
public sealed class SharedBeirServer : ICollectionFixture<BeirServer>
{
    public const string Name = "BEIR server";
}
