// old mac line/* one two three */ import './missing-a';
import './missing-b';
