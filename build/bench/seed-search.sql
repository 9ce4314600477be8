-- Users for the user-search benchmark (build/bench-search.sh), set-based. Inserts users n = :from_n .. :to_n, so the
-- script can grow the same table from 10,000 users to 1,000,000.
-- Names are drawn from lists of first and last names, the early entries far more often than the late ones
-- (random()^3), so common prefixes ("ma", "jo") have tens of thousands of matches; one user in 1,000 has a first
-- name of a second list (rare prefixes: "zeb", "xio", about 100 users each in a million).
-- userNames come in three shapes, all unique through n; display names are "First Last", some with accents or an
-- emoji, and one in 100 starts with "Dr " (a prefix no userName has: only the display-name query finds them);
-- NormalizedDisplayName is what the User entity stores (lower case).
SELECT setseed(0.14);

CREATE TEMP TABLE first_names AS
SELECT ordinality AS i, name FROM unnest(ARRAY[
  'maria','james','john','anna','michael','sarah','david','laura','jose','emma','daniel','sofia','mark','julia',
  'mohamed','marco','jonas','lea','lucas','martin','joseph','mia','paul','nina','peter','elena','thomas','clara',
  'ali','chen','yuki','ahmed','pierre','hannah','omar','ines','kenji','amara','lars','freya','diego','zoe',
  'ingrid','rafael','olga','tariq','beatriz','quentin','xavier','yvette','quincy','yusuf']) WITH ORDINALITY AS t(name, ordinality);

CREATE TEMP TABLE rare_first_names AS
SELECT ordinality AS i, name FROM unnest(ARRAY[
  'zebulon','xiomara','wilhelmina','ulrich','ottoline','evander','isidore','cosima','thaddeus','philippa']) WITH ORDINALITY AS t(name, ordinality);

CREATE TEMP TABLE last_names AS
SELECT ordinality AS i, name FROM unnest(ARRAY[
  'smith','garcia','müller','martin','johnson','rossi','kim','nguyen','schmidt','brown','silva','jones','lopez',
  'novak','dubois','wilson','tanaka','ivanova','hansen','kowalski','jansen','martinez','lee','fischer','moreau',
  'santos','cohen','okafor','petrov','berg','costa','wagner','andersson','haddad','sato','yilmaz','quispe',
  'zhang','xu','vasquez','oyelaran','zimmermann','quaresma','yamamoto','xanthopoulos']) WITH ORDINALITY AS t(name, ordinality);

CREATE TEMP TABLE drawn AS
SELECT n,
       1 + floor((SELECT count(*) FROM first_names) * power(random(), 3))::int AS f,
       1 + floor((SELECT count(*) FROM rare_first_names) * random())::int AS r,
       1 + floor((SELECT count(*) FROM last_names) * power(random(), 3))::int AS l
FROM generate_series(:from_n::bigint, :to_n::bigint) AS n;

INSERT INTO "Users" ("Id", "UserName", "Email", "NormalizedEmail", "PasswordHash", "DisplayName", "NormalizedDisplayName", "Bio", "Role", "CreatedAt")
SELECT 7000000000000000 + d.n,
       CASE d.n % 3
         WHEN 0 THEN ascii_first || ascii_last || d.n
         WHEN 1 THEN ascii_first || '_' || d.n
         ELSE left(ascii_last, 4) || '_' || ascii_first || d.n
       END,
       'user' || d.n || '@bench.test',
       upper('user' || d.n || '@bench.test'),
       'not-a-password-hash: bench users never sign in',
       display,
       lower(display),
       NULL,
       'user',
       now() - make_interval(secs => d.n)
FROM drawn d
JOIN first_names common ON common.i = d.f
JOIN rare_first_names rare ON rare.i = d.r
JOIN last_names ln ON ln.i = d.l
CROSS JOIN LATERAL (SELECT CASE WHEN d.n % 1000 = 7 THEN rare.name ELSE common.name END AS name) fn
CROSS JOIN LATERAL (SELECT translate(fn.name, 'üé', 'ue') AS ascii_first, translate(ln.name, 'üé', 'ue') AS ascii_last) a
CROSS JOIN LATERAL (SELECT CASE WHEN d.n % 100 = 3 THEN 'Dr ' ELSE '' END || initcap(fn.name) || ' ' || initcap(ln.name)
                           || CASE WHEN d.n % 97 = 0 THEN ' ☕' WHEN d.n % 89 = 0 THEN ' 👍🏽' ELSE '' END AS display) dn;

ANALYZE "Users";
SELECT count(*) FROM "Users";
