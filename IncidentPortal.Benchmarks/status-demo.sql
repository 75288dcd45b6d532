-- An active public incident on top of the demo status page (StatusPageDemoSeeder), for screenshots and the wrk
-- benchmark: Email partially out and the online store degraded since 25 minutes ago, with two published updates.
UPDATE ComponentStatusPeriods SET EndedAt = datetime('now','-25 minutes')
 WHERE EndedAt IS NULL AND ComponentId IN (SELECT Id FROM StatusComponents WHERE Name IN ('Email and calendars','Online store'));
UPDATE StatusComponents SET Status = 'PartialOutage', StatusChangedAt = datetime('now','-25 minutes'), Version = Version + 1 WHERE Name = 'Email and calendars';
UPDATE StatusComponents SET Status = 'DegradedPerformance', StatusChangedAt = datetime('now','-25 minutes'), Version = Version + 1 WHERE Name = 'Online store';
INSERT INTO ComponentStatusPeriods (ComponentId, Status, StartedAt, EndedAt, Cause) VALUES
 ((SELECT Id FROM StatusComponents WHERE Name='Email and calendars'), 'PartialOutage', datetime('now','-25 minutes'), NULL, 'Email delays for some users'),
 ((SELECT Id FROM StatusComponents WHERE Name='Online store'), 'DegradedPerformance', datetime('now','-25 minutes'), NULL, 'Email delays for some users');
INSERT INTO PublicIncidents (IncidentId, Title, Phase, CreatedAt, UpdatedAt, ResolvedAt, Version) VALUES
 ((SELECT MIN(Id) FROM Incidents WHERE Id NOT IN (SELECT IncidentId FROM PublicIncidents)), 'Email delays for some users', 'Identified',
  datetime('now','-25 minutes'), datetime('now','-8 minutes'), NULL, 3);
INSERT INTO PublicIncidentImpacts (PublicIncidentId, ComponentId, Status) VALUES
 ((SELECT Id FROM PublicIncidents WHERE Title LIKE 'Email delays%'), (SELECT Id FROM StatusComponents WHERE Name='Email and calendars'), 'PartialOutage'),
 ((SELECT Id FROM PublicIncidents WHERE Title LIKE 'Email delays%'), (SELECT Id FROM StatusComponents WHERE Name='Online store'), 'DegradedPerformance');
INSERT INTO PublicIncidentUpdates (PublicIncidentId, Phase, Message, PublishedAt, AffectedComponents) VALUES
 ((SELECT Id FROM PublicIncidents WHERE Title LIKE 'Email delays%'), 'Investigating', 'Some users report that incoming mail arrives up to 30 minutes late. We are investigating.',
  datetime('now','-25 minutes'), (SELECT Id FROM StatusComponents WHERE Name='Email and calendars') || ':PartialOutage'),
 ((SELECT Id FROM PublicIncidents WHERE Title LIKE 'Email delays%'), 'Identified', 'A mail relay is rejecting connections under load. Order confirmations from the online store are delayed too. We are moving traffic to a second relay.',
  datetime('now','-8 minutes'), (SELECT Id FROM StatusComponents WHERE Name='Email and calendars') || ':PartialOutage,' || (SELECT Id FROM StatusComponents WHERE Name='Online store') || ':DegradedPerformance');
