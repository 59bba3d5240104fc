export { KithBadgeWall, type BadgeWallMode, type BadgeOpenDetail, type LeaderboardPeriod, type SignInReason } from './badge-wall.ts';
export { badgeWallStrings, badgeWallLocales } from './strings.ts';
