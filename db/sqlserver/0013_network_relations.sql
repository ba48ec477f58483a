-- Issue 17, the network: an organisation's membership of a network (NetworkMemberships, made by 0010) can now end
-- without being deleted (EndedAt: the relation's history stays), and a relation added or ended in the site carries
-- EditedInSite = 1, so a re-import of content/netwerken.csv never undoes what a Beheerder or contact person did.
-- Organisations.ProfileEditedAt: set when a contact person saves the profile in the site; the importer then leaves the
-- description, website and place alone (content/ seeds a profile, the organisation keeps it).
-- Kept in step with db/sqlite/0013_network_relations.sql.
ALTER TABLE NetworkMemberships ADD EndedAt DATETIMEOFFSET NULL;
ALTER TABLE NetworkMemberships ADD EditedInSite BIT NOT NULL CONSTRAINT DF_NetworkMemberships_EditedInSite DEFAULT 0;
ALTER TABLE Organisations ADD ProfileEditedAt DATETIMEOFFSET NULL;
