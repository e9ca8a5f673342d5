using System.CommandLine;
using RagApi.Indexer;

var root = new RootCommand("Indexes guideline and research documents into the RagApi store.")
{
    IndexCommand.Create(),
    StatsCommand.Create(),
    CalibrateCommand.Create(),
};
return await root.Parse(args).InvokeAsync();
