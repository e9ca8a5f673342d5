using RagApi.Knowledge.Answering.Composing.Selection;

namespace RagApi.Knowledge.Tests.Answering;

public sealed class SubjectDefinitionTests
{
    [Theory]
    [InlineData("Lambert-Eaton myasthenic syndrome (LEMS) is an autoimmune disorder of the neuromuscular junction in which the defect lies on the presynaptic side.")]
    [InlineData("Stiff-person syndrome is a rare autoimmune disorder of the central nervous system that causes muscle stiffness.")]
    public void A_sentence_classifying_its_subject_defines_it(string sentence) =>
        Assert.True(SubjectDefinition.Holds(sentence));

    [Theory]
    [InlineData("LEMS is caused by antibodies against P/Q-type voltage-gated calcium channels at the presynaptic nerve terminal.")]
    [InlineData("The muscle weakness of LEMS is attributed to pathogenic autoantibodies against voltage-gated calcium channels.")]
    public void A_sentence_stating_a_cause_does_not(string sentence) =>
        Assert.False(SubjectDefinition.Holds(sentence));
}
