-- The same lists after issue 15, as src/ writes them now: take+1 (LIMIT 21 for a page of 20, no total), one
-- statement per filter, bodies in ArticleBodies/ThemeBodies, the indexes of db/sqlite/0002_read_path.sql.

-- name: /kennis page 1, visitor
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName FROM Articles a LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE a.Visibility IN ('Public') ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 21 OFFSET 0;

-- name: /kennis page 1, member
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName FROM Articles a LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE a.Visibility IN ('Public', 'Network') ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 21 OFFSET 0;

-- name: /kennis page 500, visitor
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName FROM Articles a LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE a.Visibility IN ('Public') ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 21 OFFSET 9980;

-- name: /kennis page 500, member
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName FROM Articles a LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE a.Visibility IN ('Public', 'Network') ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 21 OFFSET 9980;

-- name: /kennis?thema=thema-7 page 1, visitor (also the theme page's article list)
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName FROM Themes t INNER JOIN ArticleThemes art ON art.ThemeId = t.Id INNER JOIN Articles a ON a.Id = art.ArticleId LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE t.Slug = 'thema-7' AND t.Visibility IN ('Public') AND a.Visibility IN ('Public') ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 21 OFFSET 0;

-- name: /kennis?trefwoord=trefwoord-42 page 1, visitor
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName FROM Keywords k INNER JOIN ArticleKeywords ak ON ak.KeywordId = k.Id INNER JOIN Articles a ON a.Id = ak.ArticleId LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE k.Slug = 'trefwoord-42' AND a.Visibility IN ('Public') ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 21 OFFSET 0;

-- name: organisation page organisatie-3: its articles page 1, visitor
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName FROM Organisations o INNER JOIN Articles a ON a.OrganisationId = o.Id WHERE o.Slug = 'organisatie-3' AND a.Visibility IN ('Public') ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 21 OFFSET 0;

-- name: article page: the article with its body
SELECT a.Id, a.Slug, a.Title, a.Summary, b.BodyHtml, a.Visibility, a.AuthorName, a.AuthorId, o.Slug AS OrganisationSlug, o.Name AS OrganisationName, a.CurrentRevision, a.Version, a.CreatedAt, a.UpdatedAt FROM Articles a INNER JOIN ArticleBodies b ON b.ArticleId = a.Id LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE a.Slug = 'artikel-12345' AND a.Visibility IN ('Public');

-- name: home page: six recent themes, visitor
SELECT Id, Slug, Title, Summary, Visibility, UpdatedAt FROM Themes WHERE Visibility IN ('Public') ORDER BY UpdatedAt DESC, Slug LIMIT 6 OFFSET 0;

-- name: /themas page 1 by title, visitor
SELECT Id, Slug, Title, Summary, Visibility, UpdatedAt FROM Themes WHERE Visibility IN ('Public') ORDER BY Title, Slug LIMIT 21 OFFSET 0;

-- name: /organisaties page 1
SELECT Id, Slug, Name, Kind, Province, Inhabitants FROM Organisations ORDER BY Name, Slug LIMIT 21 OFFSET 0;

-- name: /organisaties?soort=Municipality page 1
SELECT Id, Slug, Name, Kind, Province, Inhabitants FROM Organisations WHERE Kind = 'Municipality' ORDER BY Name, Slug LIMIT 21 OFFSET 0;

-- name: /organisaties: the provinces for the filter
SELECT DISTINCT Province FROM Organisations WHERE Province IS NOT NULL ORDER BY Province;
