-- Seeds the feed benchmark's data set, set-based, into a database CleanBackend has already migrated.
--
--   psql -v celeb_id=ID -v users=10000 -v follows_per_user=50 -v posts_per_user=5 -v celeb_followers=100000 -f seed-feed.sql
--
-- celeb_id: the account registered through the API that gets celeb_followers followers. Every seeded user
-- gets its password hash (so any of them can sign in through the API with the celebrity's password).
-- Ids are snowflakes as the app makes them (ms since 2024-01-01 << 22 | node << 12 | sequence), stamped in the
-- past under node 1023, which the benchmark's server does not use: they never collide with the ids it makes
-- and always sort before them.
\set ON_ERROR_STOP on

CREATE TEMP TABLE seed AS
SELECT (extract(epoch FROM now()) * 1000)::bigint - 1704067200000 AS now_ms,
       1023::bigint << 12 AS node_bits,
       timestamptz '2024-01-01 00:00:00+00' AS epoch,
       (SELECT "PasswordHash" FROM "Users" WHERE "Id" = :celeb_id) AS password_hash;

-- Users 1..:users are the regular accounts; the ones after them exist only to follow the celebrity.
-- One id per millisecond, starting three days ago.
CREATE TEMP TABLE seeded_user AS
SELECT n, ((s.now_ms - 259200000 + n) << 22) | s.node_bits AS id, s.now_ms - 259200000 + n AS ms
FROM seed s, generate_series(1, GREATEST(:users, :celeb_followers)) AS n;
CREATE UNIQUE INDEX ON seeded_user (n);

INSERT INTO "Users" ("Id", "UserName", "Email", "NormalizedEmail", "PasswordHash", "DisplayName", "Bio", "Role", "CreatedAt")
SELECT u.id, 'u' || u.n, 'u' || u.n || '@bench.test', 'U' || u.n || '@BENCH.TEST', s.password_hash,
       'Bench user ' || u.n, NULL, 'user', s.epoch + u.ms * interval '1 millisecond'
FROM seeded_user u, seed s;

-- Regular user n follows the :follows_per_user users at steps of 199 after it (distinct, never itself).
-- Follow ids start two and a half days ago, 4096 per millisecond (the sequence bits).
INSERT INTO "Follows" ("Id", "FollowerId", "FolloweeId", "CreatedAt")
SELECT ((s.now_ms - 216000000 + r / 4096) << 22) | s.node_bits | (r % 4096),
       follower.id, followee.id,
       s.epoch + (s.now_ms - 216000000 + r / 4096) * interval '1 millisecond'
FROM (SELECT row_number() OVER (ORDER BY f.n, j) AS r, f.n AS follower_n,
             (f.n - 1 + j * 199) % :users + 1 AS followee_n
      FROM generate_series(1, :users) AS f(n), generate_series(1, :follows_per_user) AS j) AS pairs
JOIN seeded_user follower ON follower.n = pairs.follower_n
JOIN seeded_user followee ON followee.n = pairs.followee_n
CROSS JOIN seed s;

-- The celebrity's followers: every regular user, then follower-only accounts, in that (follow id) order.
INSERT INTO "Follows" ("Id", "FollowerId", "FolloweeId", "CreatedAt")
SELECT ((s.now_ms - 201600000 + u.n / 4096) << 22) | s.node_bits | (u.n % 4096),
       u.id, :celeb_id,
       s.epoch + (s.now_ms - 201600000 + u.n / 4096) * interval '1 millisecond'
FROM seeded_user u, seed s
WHERE u.n <= :celeb_followers;

-- :posts_per_user posts per regular user, spread over the last two days, authors interleaved; the
-- celebrity's as many posts sit in between (sequence 1 of some of those milliseconds).
INSERT INTO "Posts" ("Id", "AuthorId", "Text", "CreatedAt", "EditedAt", "LikeCount", "CommentCount", "DeliveredAtRead")
SELECT ((s.now_ms - 172800000 + k * 1500) << 22) | s.node_bits,
       author.id,
       'Benchmark post ' || k || ': a sentence long enough to look like what people write in a short post.',
       s.epoch + (s.now_ms - 172800000 + k * 1500) * interval '1 millisecond',
       NULL, 0, 0, false
FROM seed s, generate_series(0, :users * :posts_per_user - 1) AS k
JOIN seeded_user author ON author.n = k % :users + 1;

INSERT INTO "Posts" ("Id", "AuthorId", "Text", "CreatedAt", "EditedAt", "LikeCount", "CommentCount", "DeliveredAtRead")
SELECT ((s.now_ms - 172800000 + k * 30000000) << 22) | s.node_bits | 1,
       :celeb_id,
       'Celebrity post ' || k || ': seen by every follower.',
       s.epoch + (s.now_ms - 172800000 + k * 30000000) * interval '1 millisecond',
       NULL, 0, 0, false
FROM seed s, generate_series(0, :posts_per_user - 1) AS k;

-- Feeds filled as the fan-out would have: every post in its author's feed and its followers' feeds.
-- Loaded without the feed's indexes (one sorted index build is several times faster than maintaining
-- them row by row), which are then rebuilt with the names and columns the migration gives them.
ALTER TABLE "FeedEntries" DROP CONSTRAINT "PK_FeedEntries";
DROP INDEX "IX_FeedEntries_PostId";
INSERT INTO "FeedEntries" ("UserId", "PostId", "AuthorId")
SELECT f."FollowerId", p."Id", p."AuthorId" FROM "Follows" f JOIN "Posts" p ON p."AuthorId" = f."FolloweeId"
UNION ALL
SELECT p."AuthorId", p."Id", p."AuthorId" FROM "Posts" p;
ALTER TABLE "FeedEntries" ADD CONSTRAINT "PK_FeedEntries" PRIMARY KEY ("UserId", "PostId");
CREATE INDEX "IX_FeedEntries_PostId" ON "FeedEntries" ("PostId");

-- Visibility map and statistics as a database in steady state has them (index-only scans, good plans).
VACUUM ANALYZE "Users";
VACUUM ANALYZE "Follows";
VACUUM ANALYZE "Posts";
VACUUM ANALYZE "FeedEntries";
-- The seed's dirty pages written out now, not by a checkpoint running during the measurements.
CHECKPOINT;

SELECT (SELECT count(*) FROM "Users") AS users, (SELECT count(*) FROM "Follows") AS follows,
       (SELECT count(*) FROM "Posts") AS posts, (SELECT count(*) FROM "FeedEntries") AS feed_entries;
