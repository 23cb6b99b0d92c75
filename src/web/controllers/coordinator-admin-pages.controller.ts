import { ViewService } from '../view.service';
import { WebController } from '../web-controller';

@WebController()
export class CoordinatorAdminPagesController {
  constructor(private readonly view: ViewService) {}
}
