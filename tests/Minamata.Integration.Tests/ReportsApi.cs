using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace Minamata.Integration.Tests;

/// <summary>What a client of the reports API does, in the words of the contract.</summary>
public static class ReportsApi
{
    /// <summary>A client of the API at <paramref name="baseAddress"/>, calling with <paramref name="key"/> when given.</summary>
    public static HttpClient Client(Uri baseAddress, string? key = null)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
        if (key is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        return client;
    }

    public static MultipartFormDataContent Form(byte[] file, string fileName, string? cycle = "COP-7", string? replaces = null, string? partner = null)
    {
        var form = new MultipartFormDataContent();
        if (partner is not null)
        {
            form.Add(new StringContent(partner), "partner");
        }

        if (cycle is not null)
        {
            form.Add(new StringContent(cycle), "cycle");
        }

        if (replaces is not null)
        {
            form.Add(new StringContent(replaces), "replaces");
        }

        var part = new ByteArrayContent(file);
        part.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        form.Add(part, "file", fileName);
        return form;
    }

    public static async Task<string> UploadAsync(HttpClient client, byte[] file, string fileName, string cycle = "COP-7")
    {
        using var response = await client.PostAsync("/api/reports", Form(file, fileName, cycle));
        Assert.True(response.StatusCode == HttpStatusCode.Accepted, await response.Content.ReadAsStringAsync());
        var body = await JsonAsync(response);
        Assert.Equal("received", body.GetProperty("status").GetString());
        var id = body.GetProperty("id").GetString()!;
        Assert.Equal($"/api/reports/{id}", response.Headers.Location?.OriginalString);
        return id;
    }

    /// <summary>Polls <c>GET /api/reports/{id}</c> until the report leaves <c>received</c>, as a partner would.</summary>
    public static async Task<(JsonElement Report, TimeSpan Elapsed)> WaitUntilProcessedAsync(HttpClient client, string id, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            using var response = await client.GetAsync($"/api/reports/{id}");
            if (response.StatusCode == HttpStatusCode.OK)
            {
                var report = await JsonAsync(response);
                if (report.GetProperty("status").GetString() != "received")
                {
                    return (report, clock.Elapsed);
                }
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException($"Report {id} was not processed within {timeout} (last answer {(int)response.StatusCode}).");
            }

            await Task.Delay(100);
        }
    }

    /// <summary>The secretariat registers a partner; returns the partner's new key.</summary>
    /// <summary>
    /// The report once it has <paramref name="status"/>, or as it is after 5 s: the intake marks a
    /// replaced report superseded just after the correction's verdict, so a read can fall between.
    /// </summary>
    public static async Task<JsonElement> WaitForStatusAsync(HttpClient client, string id, string status)
    {
        var report = await JsonAsync(await client.GetAsync($"/api/reports/{id}"));
        for (var waited = 0; report.GetProperty("status").GetString() != status && waited < 50; waited++)
        {
            await Task.Delay(100);
            report = await JsonAsync(await client.GetAsync($"/api/reports/{id}"));
        }

        return report;
    }

    /// <summary>Registers a partner and, when COP-7 is open, adds it to the partners COP-7 expects (a partner uploads only where it is expected).</summary>
    public static async Task<string> CreatePartnerAsync(HttpClient secretariat, string id)
    {
        using var response = await secretariat.PostAsJsonAsync("/api/partners", new { id, name = id, email = "focal@x.example" });
        response.EnsureSuccessStatusCode();
        var key = (await JsonAsync(response)).GetProperty("apiKey").GetString()!;
        var cycles = (await JsonAsync(await secretariat.GetAsync("/api/cycles"))).GetProperty("items").EnumerateArray();
        if (cycles.Any(c => c.GetProperty("id").GetString() == "COP-7"))
        {
            await OpenCycleAsync(secretariat);
        }

        return key;
    }

    /// <summary>The secretariat opens a cycle whose deadline is far off, expecting every partner registered.</summary>
    public static async Task OpenCycleAsync(HttpClient secretariat, string cycle = "COP-7")
    {
        var partners = (await JsonAsync(await secretariat.GetAsync("/api/partners"))).GetProperty("items").EnumerateArray().Select(p => p.GetProperty("id").GetString()).ToArray();
        (await secretariat.PutAsJsonAsync($"/api/cycles/{cycle}", new { title = cycle, meetingStart = "2099-11-01", submissionDeadline = "2099-08-01", expectedPartners = partners })).EnsureSuccessStatusCode();
    }

    /// <summary>Corrects a report's metadata with a merge patch, as the secretariat's client sends it.</summary>
    public static async Task<HttpResponseMessage> PatchMetadataAsync(HttpClient client, string id, string patch, EntityTagHeaderValue? ifMatch = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Patch, $"/api/reports/{id}/metadata")
        {
            Content = new StringContent(patch, System.Text.Encoding.UTF8, "application/merge-patch+json"),
        };
        if (ifMatch is not null)
        {
            request.Headers.IfMatch.Add(ifMatch);
        }

        return await client.SendAsync(request);
    }

    /// <summary>Starts a compilation of the cycle and waits (up to a minute) until it ends: its state, with the outputs' links.</summary>
    public static async Task<JsonElement> CompileAsync(HttpClient secretariat, string cycle)
    {
        using var created = await secretariat.PostAsJsonAsync("/api/compilations", new { cycle });
        var location = created.Headers.Location!.OriginalString;
        var state = await JsonAsync(await secretariat.GetAsync(location));
        for (var waited = 0; state.GetProperty("status").GetString() is "queued" or "running" && waited < 300; waited++)
        {
            await Task.Delay(200);
            state = await JsonAsync(await secretariat.GetAsync(location));
        }

        return state;
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    /// <summary>Asserts an RFC 9457 problem with the contract's code; the problem, for what else a test reads in it.</summary>
    public static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await JsonAsync(response);
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.Equal(code, problem.GetProperty("code").GetString());
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("detail").GetString()));
        return problem;
    }
}
