-- The list queries before issue 15, as src/ wrote them: COUNT(*) OVER () for the total, bodies in the rows,
-- theme and organisation pages loading every article. Visitor = ('Public'), member = ('Public', 'Network').

-- name: /kennis page 1, visitor
.parameter set @ThemeSlug NULL
.parameter set @KeywordSlug NULL
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName, CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount FROM Articles a LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE a.Visibility IN ('Public') AND (@ThemeSlug IS NULL OR EXISTS (SELECT 1 FROM ArticleThemes art INNER JOIN Themes t ON t.Id = art.ThemeId WHERE art.ArticleId = a.Id AND t.Slug = @ThemeSlug AND t.Visibility IN ('Public'))) AND (@KeywordSlug IS NULL OR EXISTS (SELECT 1 FROM ArticleKeywords ak INNER JOIN Keywords k ON k.Id = ak.KeywordId WHERE ak.ArticleId = a.Id AND k.Slug = @KeywordSlug)) ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 20 OFFSET 0;

-- name: /kennis page 1, member
.parameter set @ThemeSlug NULL
.parameter set @KeywordSlug NULL
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName, CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount FROM Articles a LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE a.Visibility IN ('Public', 'Network') AND (@ThemeSlug IS NULL OR EXISTS (SELECT 1 FROM ArticleThemes art INNER JOIN Themes t ON t.Id = art.ThemeId WHERE art.ArticleId = a.Id AND t.Slug = @ThemeSlug AND t.Visibility IN ('Public', 'Network'))) AND (@KeywordSlug IS NULL OR EXISTS (SELECT 1 FROM ArticleKeywords ak INNER JOIN Keywords k ON k.Id = ak.KeywordId WHERE ak.ArticleId = a.Id AND k.Slug = @KeywordSlug)) ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 20 OFFSET 0;

-- name: /kennis page 500, visitor
.parameter set @ThemeSlug NULL
.parameter set @KeywordSlug NULL
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName, CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount FROM Articles a LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE a.Visibility IN ('Public') AND (@ThemeSlug IS NULL OR EXISTS (SELECT 1 FROM ArticleThemes art INNER JOIN Themes t ON t.Id = art.ThemeId WHERE art.ArticleId = a.Id AND t.Slug = @ThemeSlug AND t.Visibility IN ('Public'))) AND (@KeywordSlug IS NULL OR EXISTS (SELECT 1 FROM ArticleKeywords ak INNER JOIN Keywords k ON k.Id = ak.KeywordId WHERE ak.ArticleId = a.Id AND k.Slug = @KeywordSlug)) ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 20 OFFSET 9980;

-- name: /kennis?thema=thema-7 page 1, visitor
.parameter set @ThemeSlug 'thema-7'
.parameter set @KeywordSlug NULL
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName, CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount FROM Articles a LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE a.Visibility IN ('Public') AND (@ThemeSlug IS NULL OR EXISTS (SELECT 1 FROM ArticleThemes art INNER JOIN Themes t ON t.Id = art.ThemeId WHERE art.ArticleId = a.Id AND t.Slug = @ThemeSlug AND t.Visibility IN ('Public'))) AND (@KeywordSlug IS NULL OR EXISTS (SELECT 1 FROM ArticleKeywords ak INNER JOIN Keywords k ON k.Id = ak.KeywordId WHERE ak.ArticleId = a.Id AND k.Slug = @KeywordSlug)) ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 20 OFFSET 0;

-- name: /kennis?trefwoord=trefwoord-42 page 1, visitor
.parameter set @ThemeSlug NULL
.parameter set @KeywordSlug 'trefwoord-42'
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName, CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount FROM Articles a LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE a.Visibility IN ('Public') AND (@ThemeSlug IS NULL OR EXISTS (SELECT 1 FROM ArticleThemes art INNER JOIN Themes t ON t.Id = art.ThemeId WHERE art.ArticleId = a.Id AND t.Slug = @ThemeSlug AND t.Visibility IN ('Public'))) AND (@KeywordSlug IS NULL OR EXISTS (SELECT 1 FROM ArticleKeywords ak INNER JOIN Keywords k ON k.Id = ak.KeywordId WHERE ak.ArticleId = a.Id AND k.Slug = @KeywordSlug)) ORDER BY a.UpdatedAt DESC, a.Slug LIMIT 20 OFFSET 0;

-- name: theme page thema-7: every article of the theme, visitor
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName FROM ArticleThemes art INNER JOIN Articles a ON a.Id = art.ArticleId LEFT JOIN Organisations o ON o.Id = a.OrganisationId WHERE art.ThemeId = (SELECT Id FROM Themes WHERE Slug = 'thema-7') AND a.Visibility IN ('Public') ORDER BY a.UpdatedAt DESC, a.Slug;

-- name: organisation page organisatie-3: every article of the organisation, visitor
SELECT a.Id, a.Slug, a.Title, a.Summary, a.Visibility, a.AuthorName, a.UpdatedAt, o.Slug AS OrganisationSlug, o.Name AS OrganisationName FROM Articles a INNER JOIN Organisations o ON o.Id = a.OrganisationId WHERE a.OrganisationId = (SELECT Id FROM Organisations WHERE Slug = 'organisatie-3') AND a.Visibility IN ('Public') ORDER BY a.UpdatedAt DESC, a.Slug;

-- name: home page: six recent themes, visitor
SELECT Id, Slug, Title, Summary, Visibility, UpdatedAt FROM Themes WHERE Visibility IN ('Public') ORDER BY UpdatedAt DESC, Slug LIMIT 6 OFFSET 0;

-- name: /themas: every theme by title, visitor
SELECT Id, Slug, Title, Summary, Visibility, UpdatedAt FROM Themes WHERE Visibility IN ('Public') ORDER BY Title, Slug;

-- name: /organisaties page 1
.parameter set @Kind NULL
.parameter set @Province NULL
SELECT Id, Slug, Name, Kind, Province, Inhabitants, CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount FROM Organisations WHERE (@Kind IS NULL OR Kind = @Kind) AND (@Province IS NULL OR Province = @Province) ORDER BY Name, Slug LIMIT 20 OFFSET 0;

-- name: /organisaties?soort=Municipality page 1
.parameter set @Kind 'Municipality'
.parameter set @Province NULL
SELECT Id, Slug, Name, Kind, Province, Inhabitants, CAST(COUNT(*) OVER () AS BIGINT) AS TotalCount FROM Organisations WHERE (@Kind IS NULL OR Kind = @Kind) AND (@Province IS NULL OR Province = @Province) ORDER BY Name, Slug LIMIT 20 OFFSET 0;

-- name: /organisaties: the provinces for the filter
SELECT DISTINCT Province FROM Organisations WHERE Province IS NOT NULL ORDER BY Province;
