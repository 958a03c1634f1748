using Orchestration.Access;

namespace Orchestration.Access.Tests.Security;

public sealed class ApiKeyFormatTests
{
    [Fact]
    public void A_created_key_parses_back_and_only_its_own_secret_matches_the_stored_hash()
    {
        var (keyId, secret, key) = ApiKeyFormat.Create();

        ApiKeyFormat.TryParse(key, out var parsedId, out var parsedSecret).Should().BeTrue();
        parsedId.Should().Be(keyId);
        parsedSecret.Should().Be(secret);
        var hash = SecretHasher.Hash(secret);
        hash.Should().NotContain(secret);
        SecretHasher.Matches(secret, hash).Should().BeTrue();
        SecretHasher.Matches(ApiKeyFormat.Create().Secret, hash).Should().BeFalse();
    }

    [Fact]
    public void Two_keys_never_share_an_id_or_a_secret()
    {
        var keys = Enumerable.Range(0, 100).Select(_ => ApiKeyFormat.Create()).ToList();

        keys.Select(k => k.KeyId).Should().OnlyHaveUniqueItems();
        keys.Select(k => k.Secret).Should().OnlyHaveUniqueItems();
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("orc_")]
    [InlineData("orc__secret")]
    [InlineData("orc_id_")]
    [InlineData("key_id_secret")]
    public void Malformed_keys_do_not_parse(string? key)
    {
        ApiKeyFormat.TryParse(key, out _, out _).Should().BeFalse();
    }
}
