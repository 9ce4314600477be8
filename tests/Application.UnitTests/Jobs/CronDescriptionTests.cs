using CleanBackend.Application.Jobs;

namespace CleanBackend.Application.UnitTests.Jobs;

public sealed class CronDescriptionTests
{
    [Theory]
    [InlineData("* * * * * ?", "Every second")]
    [InlineData("*/10 * * * * ?", "Every 10 seconds")]
    [InlineData("0 * * * * ?", "Every minute")]
    [InlineData("30 * * * * ?", "Every minute, at second 30")]
    [InlineData("0 */5 * * * ?", "Every 5 minutes")]
    [InlineData("0 0/15 * * * ?", "Every 15 minutes")]
    [InlineData("0 */10 9-17 * * ?", "Every 10 minutes from 09:00 to 17:59")]
    [InlineData("0 0 * * * ?", "Every hour, on the hour")]
    [InlineData("0 30 * * * ?", "Every hour, at minute 30")]
    [InlineData("0 0,30 * * * ?", "Every hour, at minutes 0 and 30")]
    [InlineData("0 0 */2 * * ?", "Every 2 hours, on the hour")]
    [InlineData("0 15 */6 * * ?", "Every 6 hours, at minute 15")]
    [InlineData("0 0 9-17 * * ?", "Every hour from 09:00 to 17:00")]
    [InlineData("0 0 3 * * ?", "Every day at 03:00")]
    [InlineData("0 30 23 ? * *", "Every day at 23:30")]
    [InlineData("15 30 23 * * ?", "Every day at 23:30:15")]
    [InlineData("0 0 8,12,18 * * ?", "Every day at 08:00, 12:00 and 18:00")]
    [InlineData("0 15 10 ? * MON-FRI", "At 10:15, Monday to Friday")]
    [InlineData("0 15 10 ? * 2-6", "At 10:15, Monday to Friday")]
    [InlineData("0 0 12 ? * SUN", "At 12:00, every Sunday")]
    [InlineData("0 0 12 ? * mon,wed,fri", "At 12:00, on Monday, Wednesday and Friday")]
    [InlineData("0 */5 * ? * SAT,SUN", "Every 5 minutes, on Sunday and Saturday")]
    [InlineData("0 0 0 1 * ?", "At 00:00, on day 1 of the month")]
    [InlineData("0 0 6 1,15 * ?", "At 06:00, on days 1 and 15 of the month")]
    [InlineData("0 0 0 1 1 ?", "At 00:00, on day 1 of the month, in January")]
    [InlineData("0 0 4 ? JUN-AUG MON", "At 04:00, every Monday, June to August")]
    [InlineData("0 0 3 * * ? *", "Every day at 03:00")]
    public void Common_patterns_are_put_into_words(string cron, string expected)
    {
        Assert.Equal(expected, CronDescription.Describe(cron));
    }

    [Theory]
    [InlineData("0 0 12 L * ?")]
    [InlineData("0 0 12 15W * ?")]
    [InlineData("0 0 12 ? * 6#3")]
    [InlineData("0 0 12 ? * 6L")]
    [InlineData("0 0 12 * * ? 2027")]
    [InlineData("0 5/15 * * * ?")]
    [InlineData("0 0 25 * * ?")]
    [InlineData("0 0 * * *")]
    [InlineData("every hour")]
    [InlineData("")]
    [InlineData("0 0,10,20,30,40,50 0,12 * * ?")]
    [InlineData("0 0 12 1 * MON")]
    public void Patterns_it_does_not_know_get_no_words_rather_than_wrong_ones(string cron)
    {
        Assert.Null(CronDescription.Describe(cron));
    }
}
