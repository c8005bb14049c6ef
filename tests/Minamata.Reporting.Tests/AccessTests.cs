using Minamata.Reporting.Access;
using Minamata.Reporting.Submissions;

namespace Minamata.Reporting.Tests;

public sealed class AccessTests
{
    [Fact]
    public void Keys_are_random_long_and_url_safe()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeys.NewKey()).ToList();

        Assert.Equal(100, keys.Distinct().Count());
        Assert.All(keys, key => Assert.Matches("^mk_[A-Za-z0-9_-]{43}$", key));
    }

    [Fact]
    public void A_key_is_stored_as_its_sha256_only()
    {
        var key = ApiKeys.NewKey();

        Assert.Equal(64, ApiKeys.HashHex(key).Length);
        Assert.DoesNotContain(key[3..], ApiKeys.HashHex(key));
        Assert.True(ApiKeys.SameHash(ApiKeys.Hash(key), ApiKeys.Hash(key)));
        Assert.False(ApiKeys.SameHash(ApiKeys.Hash(key), ApiKeys.Hash(key + "x")));
    }

    [Theory]
    [InlineData("WHO", true)]
    [InlineData("ISP-CWP", true)]
    [InlineData("GMP2", true)]
    [InlineData("who", false)]
    [InlineData("WHO-", false)]
    [InlineData("-WHO", false)]
    [InlineData("WHO/ILO", false)]
    [InlineData("W_HO", false)]
    [InlineData("ABCDEFGHIJKLMNOPQRSTU", false)]
    [InlineData("", false)]
    public void Partner_ids_are_short_upper_case_codes(string id, bool valid)
    {
        Assert.Equal(valid, PartnerId.IsValid(id));
    }

    [Theory]
    [InlineData("COP-7", true)]
    [InlineData("OEWG-1", true)]
    [InlineData("ExCOP-2", true)]
    [InlineData("COP-0", false)]
    [InlineData("COP7", false)]
    [InlineData("COP-7/..", false)]
    [InlineData("C-7", false)]
    public void Cycle_ids_name_a_meeting(string id, bool valid)
    {
        Assert.Equal(valid, CycleId.IsValid(id));
    }

    [Fact]
    public void A_caller_sees_only_what_is_its_own_unless_it_is_the_secretariat()
    {
        Assert.True(Caller.Secretariat.MaySee("WHO"));
        Assert.True(Caller.Partner("WHO").MaySee("WHO"));
        Assert.False(Caller.Partner("WHO").MaySee("ILO"));
    }
}
