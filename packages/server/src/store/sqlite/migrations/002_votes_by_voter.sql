-- A voter's votes in one lookup: the `voted` flags of a topic page.
CREATE INDEX topic_votes_by_voter ON topic_votes (site, voter, topic_id);
