using Minamata.Reporting.Intake;

namespace Minamata.Reporting.Tests.Intake;

public sealed class UploadsFirstTests
{
    private static readonly TimeSpan Moment = TimeSpan.FromMilliseconds(200);

    [Fact]
    public async Task With_no_upload_being_received_all_workers_read_at_once()
    {
        var turns = new UploadsFirst(concurrency: 3, whileUploading: 1);
        await EnterAllAsync(turns, 3);

        var fourth = turns.EnterAsync(CancellationToken.None);
        Assert.False(await Finished(fourth));
        turns.Exit();
        Assert.True(await Finished(fourth));
    }

    [Fact]
    public async Task While_an_upload_is_received_a_finished_read_is_not_followed_by_another_until_one_reader_is_left()
    {
        var turns = new UploadsFirst(concurrency: 3, whileUploading: 1);
        await EnterAllAsync(turns, 3);
        var receiving = turns.Receiving();

        var next = turns.EnterAsync(CancellationToken.None);
        turns.Exit();
        Assert.False(await Finished(next)); // two still reading, one allowed
        turns.Exit();
        Assert.False(await Finished(next)); // one still reading
        turns.Exit();
        Assert.True(await Finished(next));

        var another = turns.EnterAsync(CancellationToken.None);
        Assert.False(await Finished(another));
        receiving.Dispose();
        Assert.True(await Finished(another));
    }

    [Fact]
    public async Task Reading_waits_until_the_last_of_several_uploads_is_received()
    {
        var turns = new UploadsFirst(concurrency: 2, whileUploading: 1);
        await EnterAllAsync(turns, 1);
        var first = turns.Receiving();
        var second = turns.Receiving();

        var next = turns.EnterAsync(CancellationToken.None);
        first.Dispose();
        first.Dispose(); // twice counts once
        Assert.False(await Finished(next));
        second.Dispose();
        Assert.True(await Finished(next));
    }

    [Fact]
    public async Task Once_the_server_is_stopping_a_waiting_worker_gets_its_turn_to_let_go_of_what_is_queued()
    {
        var turns = new UploadsFirst(concurrency: 1, whileUploading: 1);
        await EnterAllAsync(turns, 1);
        using var stopping = new CancellationTokenSource();

        var waiting = turns.EnterAsync(stopping.Token);
        Assert.False(await Finished(waiting));
        await stopping.CancelAsync();
        Assert.True(await Finished(waiting));
    }

    private static async Task EnterAllAsync(UploadsFirst turns, int count)
    {
        for (var i = 0; i < count; i++)
        {
            Assert.True(await Finished(turns.EnterAsync(CancellationToken.None)));
        }
    }

    private static async Task<bool> Finished(Task task) => await Task.WhenAny(task, Task.Delay(Moment)) == task;
}
