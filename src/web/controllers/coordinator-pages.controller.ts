import { ViewService } from '../view.service';
import { WebController } from '../web-controller';

@WebController()
export class CoordinatorPagesController {
  constructor(private readonly view: ViewService) {}
}
