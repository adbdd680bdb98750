/** The inbox opened from a link inside a feature (the 消息 tab shows the same list). */
import { Inbox } from '../../components/Inbox';

export default Inbox;
