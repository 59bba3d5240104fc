import { KithBadgeWall } from './badge-wall.ts';

if (!customElements.get('kith-badge-wall')) customElements.define('kith-badge-wall', KithBadgeWall);
