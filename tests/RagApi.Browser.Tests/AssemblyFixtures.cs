using RagApi.Testing;

// One seed store for the whole test run, shared by every host the tests start.
[assembly: AssemblyFixture(typeof(SeedIndex))]
