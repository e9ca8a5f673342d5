using RagApi.Knowledge.Answering.Composing.Selection;

namespace RagApi.Knowledge.Tests.Answering;

public sealed class ListLeadInTests
{
    [Theory]
    [InlineData("Under the consensus, cancer cachexia is diagnosed when any one of three criteria is met:", 3)]
    [InlineData("Under the 2004 criteria, definite PNS can be reached in four ways:", 4)]
    [InlineData("The 6 items are:", 6)]
    public void A_lead_in_announces_the_last_count_it_names(string leadIn, int items) =>
        Assert.Equal(items, ListLeadIn.AnnouncedItems(leadIn, 12));

    [Theory]
    [InlineData("The scored items cover:")]
    [InlineData("The criteria published in 2004 are:")]
    [InlineData("Only one test is needed:")]
    public void A_lead_in_without_a_count_of_two_to_twelve_announces_none(string leadIn) =>
        Assert.Null(ListLeadIn.AnnouncedItems(leadIn, 12));
}
